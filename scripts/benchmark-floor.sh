#!/usr/bin/env bash
# Floor benchmark: in ONE run, on one synthetic province, the I/O floor of a full recompute (a plain JDBC and
# Lettuce program doing the same reads and writes: the same aggregate queries page by page, multi-row upserts,
# history rows, pipelined Redis hashes) and SafeReg's full credit run and risk recompute, cold and warm, every
# result new each time; prints each run's time, the ratio to the floor, peak and live heap and the load average.
#   scripts/benchmark-floor.sh [enterprises]          (default 100000)
# SAFEREG_BENCH_REUSE=1 keeps the province already in the database when it has that many enterprises (seeding
# 100,000 takes about a minute); SAFEREG_BENCH_ONLY=credit or risk runs one kind; SAFEREG_BENCH_HEAP (2g).
# Database and Redis: SAFEREG_BENCH_DB (default safereg_bench_floor on 127.0.0.1:3306, user root, empty
# password), SAFEREG_BENCH_REDIS_HOST (127.0.0.1), SAFEREG_BENCH_REDIS_DATABASE (0).
# The database's enterprises and their facts are REPLACED: never point it at a real database.
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-100000}
db=${SAFEREG_BENCH_DB:-safereg_bench_floor}
db_url="jdbc:mysql://127.0.0.1:3306/$db?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"

. scripts/lib/bench.sh
bench_build_once

# the credit runs' tier changes would set off risk recomputes beside the runs measured: they wait (a day)
# and the full risk recomputes below cover them
run() {
java -Xmx"${SAFEREG_BENCH_HEAP:-2g}" -XX:+UseParallelGC ${SAFEREG_BENCH_JAVA_OPTS:-} -cp "$bench_classpath" \
  org.safereg.bench.BenchApplication \
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
  --safereg.risk.evaluate-on-start=false \
  --safereg.risk.coalesce=PT24H \
  --safereg.scheduling.enabled=false \
  --safereg.benchmark.floor.enterprises="$enterprises" \
  --safereg.benchmark.floor.only="${SAFEREG_BENCH_ONLY:-credit,risk}" \
  --logging.level.root=WARN --logging.level.org.safereg=INFO "$@"
}

out=$(mktemp)
fresh=$(mktemp)
trap 'rm -f "$out" "$fresh"' EXIT
run --safereg.benchmark.reuse="${SAFEREG_BENCH_REUSE:-0}" | tee "$out"

# The cold runs' comparison: the floor's own first run in a JVM of its own (in the run above, the floor comes
# after SafeReg's cold run and finds the JDBC driver and Lettuce already compiled by it).
echo
echo "the floor once more, cold: the first run in a JVM of its own"
run --safereg.benchmark.reuse=1 --safereg.benchmark.floor.fresh-jvm=true | tee "$fresh"
for kind in credit risk; do
  service_cold=$(sed -n "s/^  $kind SafeReg cold: [0-9,]* enterprises in \([0-9.]*\) s.*/\1/p" "$out")
  floor_cold=$(sed -n "s/^  $kind floor cold: [0-9,]* enterprises in \([0-9.]*\) s.*/\1/p" "$fresh")
  if [ -n "$service_cold" ] && [ -n "$floor_cold" ]; then
    awk -v k="$kind" -v s="$service_cold" -v f="$floor_cold" \
      'BEGIN { printf "%s cold, each the first run in its JVM: SafeReg %.2f s, floor %.2f s = %.2fx (target <= 1.5x)\n", k, s, f, s / f }'
  fi
done
