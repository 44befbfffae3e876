#!/usr/bin/env bash
# Enforcement-task benchmark: opens N tasks the way decisions do (one transaction each: task + outbox row)
# from several threads while the relay runs, then prints tasks created/s, the lag from decision to stream
# entry (p50/p99/max), the relay's rate on a backlog, and the behaviour while Redis is unreachable: a relay
# pointed at a closed port keeps failing while tasks are created, the outbox holds them, and the real relay
# catches up afterwards (lost and duplicated entries counted). The shared Redis server is never stopped.
#   scripts/benchmark-tasks.sh [tasks] [threads] [seconds-down]     (defaults 20000, 4, 10)
# Database and Redis: SAFEREG_BENCH_DB_URL (default: database safereg_bench_tasks on 127.0.0.1:3306, user root,
# empty password, made anew), SAFEREG_BENCH_DB_USER, SAFEREG_BENCH_DB_PASSWORD, SAFEREG_BENCH_REDIS_HOST
# (127.0.0.1), SAFEREG_BENCH_REDIS_DATABASE (0); the stream is safereg:bench:tasks, deleted first.
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${1:-20000}
threads=${2:-4}
down=${3:-10}
db_url=${SAFEREG_BENCH_DB_URL:-"jdbc:mysql://127.0.0.1:3306/safereg_bench_tasks?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"}

if [ -z "${SAFEREG_BENCH_DB_URL:-}" ] && command -v mariadb >/dev/null 2>&1; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS safereg_bench_tasks"
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
  --safereg.tasks.stream=safereg:bench:tasks \
  --safereg.benchmark.tasks="$tasks" \
  --safereg.benchmark.threads="$threads" \
  --safereg.benchmark.down-seconds="$down" \
  --logging.level.root=WARN --logging.level.org.safereg=INFO
