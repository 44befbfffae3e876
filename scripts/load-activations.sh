#!/usr/bin/env bash
# Activations under load: starts two SafeReg instances on one MariaDB (database safereg_load_activations,
# made anew) and one Redis (database 7) on 127.0.0.1, keeps both busy with credit and risk reads and
# sensor readings, and activates two rule-set versions in turn on the first instance N times. Reports the
# requests that failed, the time from an activation request until both instances serve the new version,
# and each instance's live heap, live rules and KIE class loaders after a full GC after the first and after
# the last activation, with the classes that grew most.
#   scripts/load-activations.sh [activations] [load threads]   (default 100 4)
# The instances' logs are kept in service/target/load-activations-{1,2}.log.
set -euo pipefail
cd "$(dirname "$0")/.."
activations=${1:-100}
threads=${2:-4}
db=safereg_load_activations
redis_db=7
ports=(18091 18092)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $db"
redis-cli -h 127.0.0.1 -n $redis_db --scan --pattern 'safereg:*' | xargs -r redis-cli -h 127.0.0.1 -n $redis_db del >/dev/null

# the load signs its tokens with the test key; the service trusts its public half
. scripts/lib/bench.sh
bench_build

for i in 0 1; do
  # the second instance starts once the first has made the schema and the province
  java -Xmx1g ${SAFEREG_LOAD_JAVA_OPTS:-} -jar "$service_jar" --server.port=${ports[$i]} \
    --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$db?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8" \
    --spring.datasource.username=root --spring.datasource.password= \
    --spring.data.redis.host=127.0.0.1 --spring.data.redis.database=$redis_db \
    --safereg.dev-tokens.enabled=false \
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:service/target/test-classes/test-jwt-public.pem" \
    --safereg.province.generate=$([ $i = 0 ] && echo ALWAYS || echo NEVER) --safereg.province.size=200 \
    --safereg.scheduling.enabled=false \
    --logging.level.root=WARN --logging.level.org.safereg.rulesets=INFO --logging.level.org.safereg.engine=INFO ${SAFEREG_LOAD_ARGS:-} \
    > service/target/load-activations-$((i + 1)).log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:${ports[$i]}/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
done

java -cp "$bench_classpath" org.safereg.rulesets.ActivationLoad \
  "http://127.0.0.1:${ports[0]},http://127.0.0.1:${ports[1]}" "${pids[0]},${pids[1]}" "$activations" "$threads"
