#!/usr/bin/env bash
# End-to-end load of personnel position events: starts SafeReg on MariaDB (database safereg_load_positions,
# made anew) and Redis (database 6) on 127.0.0.1, registers 200 key areas, then two gateways send batches
# of 5,000 enter/leave events as fast as the service takes them and the events/s taken are printed.
#   scripts/load-positions.sh [seconds]   (default 20)
# SAFEREG_LOAD_DB, SAFEREG_LOAD_REDIS_DATABASE and SAFEREG_LOAD_PORT choose another database, Redis
# database or port. The service's log is kept in service/target/load-positions-service.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
db=${SAFEREG_LOAD_DB:-safereg_load_positions}
redis_db=${SAFEREG_LOAD_REDIS_DATABASE:-6}
port=${SAFEREG_LOAD_PORT:-18081}
trap 'kill "${service:-0}" 2>/dev/null || true' EXIT

mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $db"
# presence and point states in Redis are keyed by the database's ids: a new database needs an empty Redis database
redis-cli -h 127.0.0.1 -n "$redis_db" --scan --pattern 'safereg:*' | xargs -r redis-cli -h 127.0.0.1 -n "$redis_db" del >/dev/null

# the load signs its tokens with the test key; the service trusts its public half
. scripts/lib/bench.sh
bench_build

java -Xmx1g -jar "$service_jar" --server.port="$port" \
  --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$db?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8" \
  --spring.datasource.username=root --spring.datasource.password= \
  --spring.data.redis.host=127.0.0.1 --spring.data.redis.database="$redis_db" \
  --safereg.dev-tokens.enabled=false \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:service/target/test-classes/test-jwt-public.pem" \
  --safereg.province.generate=ALWAYS --safereg.province.size=200 --safereg.scheduling.enabled=false \
  --logging.level.root=WARN --logging.level.org.safereg.positioning=DEBUG > service/target/load-positions-service.log 2>&1 &
service=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

java -cp "$bench_classpath" org.safereg.positioning.PositionsLoad "http://127.0.0.1:$port" "$seconds"
