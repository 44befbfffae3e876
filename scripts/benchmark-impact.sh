#!/usr/bin/env bash
# Impact simulation on a generated province: starts SafeReg on MariaDB (database safereg_bench_impact, made
# anew) and Redis (database 8) on 127.0.0.1 with N enterprises, waits for their credit and risk, uploads a
# candidate with stricter tier cut-offs and simulates it against the version in force three times.
#   scripts/benchmark-impact.sh [enterprises]   (default 100000)
# The service's log is kept in service/target/benchmark-impact.log. SAFEREG_BENCH_REUSE=1 keeps the province
# (and its credit and risk) of the previous run instead of generating it again.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100000}
port=18093
trap 'kill "${service:-0}" 2>/dev/null || true' EXIT

generate=ALWAYS
if [ -n "${SAFEREG_BENCH_REUSE:-}" ]; then
  generate=NEVER
else
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS safereg_bench_impact"
  redis-cli -h 127.0.0.1 -n 8 --scan --pattern 'safereg:*' | xargs -r redis-cli -h 127.0.0.1 -n 8 del >/dev/null
fi

# the benchmark signs its tokens with the test key; the service trusts its public half
. scripts/lib/bench.sh
bench_build

java -Xmx2g -jar "$service_jar" --server.port=$port \
  --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/safereg_bench_impact?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8" \
  --spring.datasource.username=root --spring.datasource.password= \
  --spring.data.redis.host=127.0.0.1 --spring.data.redis.database=8 \
  --safereg.dev-tokens.enabled=false \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:service/target/test-classes/test-jwt-public.pem" \
  --safereg.province.generate=$generate --safereg.province.size="$size" --safereg.scheduling.enabled=false \
  --logging.level.root=WARN --logging.level.org.safereg=INFO > service/target/benchmark-impact.log 2>&1 &
service=$!
for _ in $(seq 1 900); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

# from bench/: the candidate is the repository's workbook with one edit
cd bench
java -cp "$bench_classpath" org.safereg.impact.ImpactBenchmark "http://127.0.0.1:$port"
