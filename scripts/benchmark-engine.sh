#!/usr/bin/env bash
# Engine benchmarks (JMH, one thread):
#   AlarmRulesBenchmark (default): readings evaluated per second against the shipped alarm thresholds, in
#     batches of 10,000 and one reading per session, beside the same setpoints in plain Java;
#   RuleSetCompileBenchmark: the time to compile the whole shipped rule set, as an activation does;
#   DmnDecisionBenchmark: decisions per second of a DMN model through RuleSetSnapshot.decide, and the time to
#     compile the shipped rule set with it (the model: decision-tables/enforcement-discretion.dmn where the rule
#     set holds it, -jvmArgsAppend -Dsafereg.bench.dmn=<file> for another, else the tests' small fixture).
#   AlarmRulesBenchmark also runs raw Drools on the same generated DRL in a plain stateless session (rawDrools*).
#   scripts/benchmark-engine.sh [benchmark] [JMH options]   e.g. RuleSetCompileBenchmark, or -wi 2 -i 3
#   scripts/benchmark-engine.sh --side-by-side [rounds] [warm-up rounds]   SafeReg and raw Drools batches in
#     turn on one thread, median throughput and ratio, by wall-clock and by the thread's CPU time: robust on a
#     machine whose load changes (default 200 50)
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark=AlarmRulesBenchmark
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  benchmark=$1
  shift
fi
. scripts/lib/bench.sh
bench_build
if [ "$benchmark" = AlarmRulesBenchmark ] && [ "${1:-}" = --side-by-side ]; then
  shift
  exec java -cp "$bench_classpath" org.safereg.monitoring.AlarmRulesBenchmark "$@"
fi
exec java -cp "$bench_classpath" org.openjdk.jmh.Main "$benchmark" -t 1 "$@"
