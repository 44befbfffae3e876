#!/usr/bin/env bash
# Data-exchange benchmark: writes files of N rows (the register as CSV, penalties as JSON Lines, trainings as
# XLSX), imports each the way the API does (every row judged, then one transaction through the owners' APIs),
# imports the register and the trainings again (nothing changes), exports each dataset in every format, and
# waits for the re-evaluation job the first import started. Prints seconds and rows/s for each step.
#   scripts/benchmark-exchange.sh [rows]     (default 100000)
# Database and Redis: SAFEREG_BENCH_DB_URL (default: database safereg_bench_exchange on 127.0.0.1:3306, user
# root, empty password, made anew), SAFEREG_BENCH_DB_USER, SAFEREG_BENCH_DB_PASSWORD, SAFEREG_BENCH_REDIS_HOST
# (127.0.0.1), SAFEREG_BENCH_REDIS_DATABASE (0).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
db_url=${SAFEREG_BENCH_DB_URL:-"jdbc:mysql://127.0.0.1:3306/safereg_bench_exchange?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"}

if [ -z "${SAFEREG_BENCH_DB_URL:-}" ] && command -v mariadb >/dev/null 2>&1; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS safereg_bench_exchange"
fi

. scripts/lib/bench.sh
bench_build

exec java -Xmx1g -cp "$bench_classpath" org.safereg.bench.BenchApplication \
  --server.port=0 \
  --spring.datasource.url="$db_url" \
  --spring.datasource.username="${SAFEREG_BENCH_DB_USER:-root}" \
  --spring.datasource.password="${SAFEREG_BENCH_DB_PASSWORD:-}" \
  --spring.data.redis.host="${SAFEREG_BENCH_REDIS_HOST:-127.0.0.1}" \
  --spring.data.redis.database="${SAFEREG_BENCH_REDIS_DATABASE:-0}" \
  --safereg.dev-tokens.enabled=false \
  --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused \
  --safereg.province.generate=never \
  --safereg.credit.evaluate-on-start=false \
  --safereg.scheduling.enabled=false \
  --safereg.benchmark.exchange="$rows" \
  --logging.level.root=WARN --logging.level.org.safereg=INFO
