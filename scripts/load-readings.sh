#!/usr/bin/env bash
# End-to-end load: starts SafeReg on MariaDB (database safereg_load, made anew) and Redis (database 5) on
# 127.0.0.1, registers load points, then measures sustained readings/s through HTTP batches and, at a
# fixed rate, the latency from a reading's arrival to its alarm on the event stream.
#   scripts/load-readings.sh [seconds per phase] [readings/s for the latency phase]   (default 20 5000)
# The service's log is kept in service/target/load-service.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
rate=${2:-5000}
port=18080
trap 'kill "${service:-0}" 2>/dev/null || true' EXIT

mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS safereg_load"
# point states in Redis are keyed by the database's ids: a new database needs an empty Redis database too
redis-cli -h 127.0.0.1 -n 5 --scan --pattern 'safereg:*' | xargs -r redis-cli -h 127.0.0.1 -n 5 del >/dev/null

# the load signs its tokens with the test key; the service trusts its public half
. scripts/lib/bench.sh
bench_build

java -Xmx1g ${SAFEREG_LOAD_JAVA_OPTS:-} -jar "$service_jar" --server.port=$port \
  --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/safereg_load?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8" \
  --spring.datasource.username=root --spring.datasource.password= \
  --spring.data.redis.host=127.0.0.1 --spring.data.redis.database=5 \
  --safereg.dev-tokens.enabled=false \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:service/target/test-classes/test-jwt-public.pem" \
  --safereg.province.generate=ALWAYS --safereg.province.size=200 --safereg.scheduling.enabled=false \
  --logging.level.root=WARN ${SAFEREG_LOAD_ARGS:-} > service/target/load-service.log 2>&1 &
service=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

java -cp "$bench_classpath" org.safereg.monitoring.ReadingsLoad "http://127.0.0.1:$port" "$seconds" "$rate"
