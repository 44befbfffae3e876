#!/usr/bin/env bash
# Partitions benchmark: full credit and risk recomputes of a province split by city, worked by one SafeReg
# instance and then by two (two JVMs on this machine sharing MariaDB and Redis), and the ratio of the two.
#   scripts/benchmark-partitions.sh [enterprises] [rounds]      (defaults 100000 3)
# Phases: "one": one instance, partitions on (it takes every city itself); "two": the same with a second
# instance started beside it, which takes cities as the first opens them; "baseline": one instance with
# partitions off (the unsplit run), to show what splitting costs. Each prints one BENCH line per round; the
# summary compares the best round of each phase.
# Database: safereg_bench_partitions on 127.0.0.1:3306 (root, no password), made anew; SAFEREG_BENCH_DB_URL,
# _USER, _PASSWORD point elsewhere (its enterprises and facts are REPLACED: never a real database).
# Redis: 127.0.0.1:6379 database SAFEREG_BENCH_REDIS_DATABASE (9), or with SAFEREG_BENCH_REDIS_CLUSTER_PORTS
# (e.g. 17004,17005,17006) a Redis Cluster of three masters started on those ports for the run and removed after.
# Port of the second instance: SAFEREG_BENCH_HELPER_PORT (18161). Logs: service/target/benchmark-partitions-*.log
# SAFEREG_BENCH_PIN=1 gives each instance a core of its own (taskset: the first on CPU 0, the second on CPU 1),
# as two one-core machines would; MariaDB and Redis stay free to run on both.
# SAFEREG_BENCH_INSTANCE_CPU=0.5 limits each instance to that share of a core (a cgroup CPU quota of its own; needs
# root): instances on machines smaller than the database's, so that the database is not what the instances wait
# for. SAFEREG_BENCH_WARMUP (3) unmeasured rounds of each come first, so every instance has compiled its hot code.
# SAFEREG_BENCH_RESULTS=changed keeps each round's results for the next and makes every one differ, so that a round
# rewrites them in place, as a recompute after a rule change does; the default, new, starts every round with none.
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-100000}
rounds=${2:-3}
warmup=${SAFEREG_BENCH_WARMUP:-3}
results=${SAFEREG_BENCH_RESULTS:-new}
db_url=${SAFEREG_BENCH_DB_URL:-"jdbc:mysql://127.0.0.1:3306/safereg_bench_partitions?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"}
helper_port=${SAFEREG_BENCH_HELPER_PORT:-18161}
logs=service/target
mkdir -p "$logs"

if [ -z "${SAFEREG_BENCH_DB_URL:-}" ] && command -v mariadb >/dev/null 2>&1; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS safereg_bench_partitions"
fi

. scripts/lib/bench.sh
bench_build_once

cluster_dir=""
quota_groups=()
pids=()
cleanup() {
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  if [ -n "$cluster_dir" ]; then
    rm -rf "$cluster_dir"
  fi
  for group in "${quota_groups[@]:-}"; do
    [ -n "$group" ] && rmdir "$group" 2>/dev/null || true
  done
}
trap cleanup EXIT

if [ -n "${SAFEREG_BENCH_REDIS_CLUSTER_PORTS:-}" ]; then
  IFS=, read -r -a cluster_ports <<<"$SAFEREG_BENCH_REDIS_CLUSTER_PORTS"
  cluster_dir=$(mktemp -d)
  nodes=()
  for port in "${cluster_ports[@]}"; do
    mkdir -p "$cluster_dir/$port"
    redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
      --save "" --appendonly no --dir "$cluster_dir/$port" >"$cluster_dir/$port/redis.log" 2>&1 &
    pids+=($!)
    nodes+=("127.0.0.1:$port")
  done
  for port in "${cluster_ports[@]}"; do
    until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$cluster_dir/create.log"
  until redis-cli -p "${cluster_ports[0]}" cluster info | grep -q cluster_state:ok; do sleep 0.2; done
  redis_args=(--spring.data.redis.cluster.nodes="$(IFS=,; echo "${nodes[*]}")")
  echo "Redis Cluster of ${#nodes[@]} masters on ${SAFEREG_BENCH_REDIS_CLUSTER_PORTS}"
else
  redis_args=(--spring.data.redis.host=127.0.0.1 --spring.data.redis.database="${SAFEREG_BENCH_REDIS_DATABASE:-9}")
fi

common=(
  --spring.datasource.url="$db_url"
  --spring.datasource.username="${SAFEREG_BENCH_DB_USER:-root}"
  --spring.datasource.password="${SAFEREG_BENCH_DB_PASSWORD:-}"
  "${redis_args[@]}"
  --safereg.dev-tokens.enabled=false
  --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused
  --safereg.province.generate=never
  --safereg.credit.evaluate-on-start=false
  --safereg.scheduling.enabled=false
  # the tiers a run changes would set off risk recomputes in the middle of the measurement
  --safereg.risk.coalesce=PT1H
  --logging.level.root=WARN --logging.level.org.safereg=INFO
)

first_cpu=()
second_cpu=()
if [ -n "${SAFEREG_BENCH_INSTANCE_CPU:-}" ]; then
  # a CPU quota of its own for each instance: a cgroup (v2 cpu.max, or v1 cpu.cfs_quota_us) per instance
  quota_us=$(awk -v c="$SAFEREG_BENCH_INSTANCE_CPU" 'BEGIN { if (c > 0) printf "%d", c * 100000 }')
  [ -n "$quota_us" ] || { echo "SAFEREG_BENCH_INSTANCE_CPU must be a number of cores above 0, such as 0.5"; exit 2; }
  quota_group() { # name; prints the cgroup directory, limited to the quota
    local dir
    if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
      echo +cpu >/sys/fs/cgroup/cgroup.subtree_control || return 1
      dir=/sys/fs/cgroup/$1
      mkdir -p "$dir" && echo "$quota_us 100000" >"$dir/cpu.max" || return 1
    else
      dir=/sys/fs/cgroup/cpu/$1
      mkdir -p "$dir" && echo 100000 >"$dir/cpu.cfs_period_us" && echo "$quota_us" >"$dir/cpu.cfs_quota_us" \
        || return 1
    fi
    echo "$dir"
  }
  if ! first_group=$(quota_group safereg-bench-first 2>/dev/null) \
    || ! second_group=$(quota_group safereg-bench-second 2>/dev/null); then
    echo "SAFEREG_BENCH_INSTANCE_CPU needs a writable cgroup cpu controller under /sys/fs/cgroup (run as root)"
    exit 2
  fi
  quota_groups=("$first_group" "$second_group")
  in_group='echo $$ >"$0/cgroup.procs" && exec "$@"'
  first_cpu=(sh -c "$in_group" "$first_group")
  second_cpu=(sh -c "$in_group" "$second_group")
  echo "each instance limited to $SAFEREG_BENCH_INSTANCE_CPU of a core (a machine of its own that size)"
fi
if [ -n "${SAFEREG_BENCH_PIN:-}" ]; then
  first_cpu+=(taskset -c 0)
  second_cpu+=(taskset -c 1)
  echo "each instance on a core of its own: the first on CPU 0, the second on CPU 1"
fi

coordinator() { # label, partitions on/off, reuse
  "${first_cpu[@]}" java -Xmx1g -XX:+UseParallelGC -cp "$bench_classpath" org.safereg.bench.BenchApplication \
    --server.port=0 "${common[@]}" \
    --safereg.partitions.enabled="$2" \
    --safereg.benchmark.partitions.enterprises="$enterprises" \
    --safereg.benchmark.runs="$rounds" \
    --safereg.benchmark.warmup="$warmup" \
    --safereg.benchmark.results="$results" \
    --safereg.benchmark.label="$1" \
    --safereg.benchmark.reuse="$3" >"$logs/benchmark-partitions-$1.log" 2>&1 || {
    echo "the $1 phase failed (its log: $logs/benchmark-partitions-$1.log):"
    grep -E "^(Caused by|[a-z]+(\.[a-z]+)+\.[A-Za-z]*Exception)" "$logs/benchmark-partitions-$1.log" | tail -3 || true
    exit 1
  }
  grep -E "^(generated|SafeReg partitions|BENCH)" "$logs/benchmark-partitions-$1.log"
}

echo "== one instance, partitions on"
coordinator one true false
echo "== two instances, partitions on (the second on port $helper_port)"
"${second_cpu[@]}" java -Xmx1g -XX:+UseParallelGC -jar "$service_jar" --server.port="$helper_port" "${common[@]}" \
  --safereg.partitions.enabled=true --logging.level.org.springframework.boot.StartupInfoLogger=INFO \
  >"$logs/benchmark-partitions-helper.log" 2>&1 &
helper=$!
pids+=($helper)
until grep -q "Started SafeRegApplication" "$logs/benchmark-partitions-helper.log"; do
  kill -0 "$helper" 2>/dev/null || { echo "the second instance did not start; see $logs/benchmark-partitions-helper.log"; exit 1; }
  sleep 1
done
coordinator two true true
kill "$helper"; wait "$helper" 2>/dev/null || true
echo "== baseline: one instance, partitions off"
coordinator baseline false true

best() { # label, what
  grep -h "^BENCH $1 $2 " "$logs/benchmark-partitions-$1.log" | sed -E 's/.* in ([0-9.]+) s .*/\1/' | sort -n | head -1
}
echo
for what in credit risk; do
  one=$(best one "$what"); two=$(best two "$what"); base=$(best baseline "$what")
  awk -v w="$what" -v one="$one" -v two="$two" -v base="$base" 'BEGIN {
    printf "%-6s best of rounds: one instance %.2f s, two instances %.2f s (one / two = %.2f), unsplit %.2f s (unsplit / two = %.2f)\n",
      w, one, two, one / two, base, base / two }'
done
