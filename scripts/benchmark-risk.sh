#!/usr/bin/env bash
# Risk benchmark: generates N enterprises with facts in MySQL/MariaDB and evaluates their credit at start-up,
# adds a gas detector to every 20th enterprise and an open alarm to every 40th, then runs the full risk-level
# recompute into MySQL and Redis four times (cold, unchanged twice, warm with every result new) and prints
# wall time, enterprises/s and peak heap per run.
#   scripts/benchmark-risk.sh [enterprises]          (default 100000)
# Database and Redis as scripts/benchmark-credit.sh (SAFEREG_BENCH_DB_URL, _USER, _PASSWORD, SAFEREG_BENCH_REDIS_HOST).
# The database's enterprises and their facts are REPLACED: never point it at a real database.
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-100000}
db_url=${SAFEREG_BENCH_DB_URL:-"jdbc:mysql://127.0.0.1:3306/safereg_bench?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"}

# the default benchmark database is made anew: the province is generated into it at start-up
if [ -z "${SAFEREG_BENCH_DB_URL:-}" ] && command -v mariadb >/dev/null 2>&1; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS safereg_bench"
fi

. scripts/lib/bench.sh
bench_build_once

exec java -Xmx2g -XX:+UseParallelGC -cp "$bench_classpath" org.safereg.bench.BenchApplication \
  --server.port=0 \
  --spring.datasource.url="$db_url" \
  --spring.datasource.username="${SAFEREG_BENCH_DB_USER:-root}" \
  --spring.datasource.password="${SAFEREG_BENCH_DB_PASSWORD:-}" \
  --spring.data.redis.host="${SAFEREG_BENCH_REDIS_HOST:-127.0.0.1}" \
  --safereg.dev-tokens.enabled=false \
  --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused \
  --safereg.province.generate=always \
  --safereg.province.size="$enterprises" \
  --safereg.credit.evaluate-on-start=true \
  --safereg.risk.evaluate-on-start=false \
  --safereg.scheduling.enabled=false \
  --safereg.benchmark.risk.enterprises="$enterprises" \
  --logging.level.root=WARN --logging.level.org.safereg=INFO
