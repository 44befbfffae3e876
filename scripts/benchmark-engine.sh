#!/usr/bin/env bash
# Engine benchmark (JMH): readings evaluated per second on one thread against the shipped alarm
# thresholds, in batches of 10,000 and one reading per session, beside the same setpoints in plain Java.
#   scripts/benchmark-engine.sh [JMH options]       e.g. -wi 2 -i 3 for a quicker, rougher run
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath \
  -Dmdep.includeScope=test
cd service
exec java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.openjdk.jmh.Main AlarmRulesBenchmark -t 1 "$@"
