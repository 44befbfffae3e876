#!/usr/bin/env bash
# Credit benchmark: generates N enterprises with facts in MySQL/MariaDB, runs the full credit evaluation
# into MySQL and Redis four times (cold, unchanged twice, warm with every result new), and prints wall time, enterprises/s and peak heap per run.
#   scripts/benchmark-credit.sh [enterprises]          (default 100000)
# Database and Redis: SAFEREG_BENCH_DB_URL (default: database safereg_bench on 127.0.0.1:3306, user root,
# empty password), SAFEREG_BENCH_DB_USER, SAFEREG_BENCH_DB_PASSWORD, SAFEREG_BENCH_REDIS_HOST (127.0.0.1).
# The database's enterprises and their facts are REPLACED: never point it at a real database.
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-100000}
db_url=${SAFEREG_BENCH_DB_URL:-"jdbc:mysql://127.0.0.1:3306/safereg_bench?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"}

# the default benchmark database is made anew, so that the schema is always the current one
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
  --safereg.province.generate=never \
  --safereg.credit.evaluate-on-start=false \
  --safereg.scheduling.enabled=false \
  --safereg.benchmark.enterprises="$enterprises" \
  --logging.level.root=WARN --logging.level.org.safereg=INFO
