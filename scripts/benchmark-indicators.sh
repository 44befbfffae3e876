#!/usr/bin/env bash
# Indicators benchmark: generates N enterprises with facts in MySQL/MariaDB, evaluates their credit and risk at
# start-up (so both have a history), adds gas detectors with a year of alarms and a year of completed
# inspections, then times the outcome indicators as the dashboard asks for them (12 months of the province,
# 12 quarters of a city, 5 years of a sector, the province's heat map), three runs each.
#   scripts/benchmark-indicators.sh [enterprises]          (default 100000)
# Database: SAFEREG_BENCH_DB_URL (default safereg_bench_indicators on 127.0.0.1), _USER, _PASSWORD;
# Redis: SAFEREG_BENCH_REDIS_HOST, SAFEREG_BENCH_REDIS_DATABASE (default 0).
# The database's enterprises and their facts are REPLACED: never point it at a real database.
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-100000}
db_url=${SAFEREG_BENCH_DB_URL:-"jdbc:mysql://127.0.0.1:3306/safereg_bench_indicators?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"}

if [ -z "${SAFEREG_BENCH_DB_URL:-}" ] && command -v mariadb >/dev/null 2>&1; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS safereg_bench_indicators"
fi

. scripts/lib/bench.sh
bench_build_once

exec java -Xmx2g -XX:+UseParallelGC -cp "$bench_classpath" org.safereg.bench.BenchApplication \
  --server.port=0 \
  --spring.datasource.url="$db_url" \
  --spring.datasource.username="${SAFEREG_BENCH_DB_USER:-root}" \
  --spring.datasource.password="${SAFEREG_BENCH_DB_PASSWORD:-}" \
  --spring.data.redis.host="${SAFEREG_BENCH_REDIS_HOST:-127.0.0.1}" \
  --spring.data.redis.database="${SAFEREG_BENCH_REDIS_DATABASE:-0}" \
  --safereg.dev-tokens.enabled=false \
  --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused \
  --safereg.province.generate=always \
  --safereg.province.size="$enterprises" \
  --safereg.credit.evaluate-on-start=true \
  --safereg.risk.evaluate-on-start=true \
  --safereg.scheduling.enabled=false \
  --safereg.benchmark.indicators.enterprises="$enterprises" \
  --logging.level.root=WARN --logging.level.org.safereg=INFO
