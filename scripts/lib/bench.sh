# Sourced by the benchmark, load and fault scripts, from the repository root. bench_build packages the service
# and bench/ (without running the tests) and sets
#   service_jar      the runnable service, service/target/safereg-service-<version>-exec.jar
#   bench_classpath  bench/'s jar and everything it needs (the service, its test support, JMH)
# bench_build_once builds only when that has not been done yet, so a benchmark run again starts at once.

bench_paths() {
  service_jar=$(ls "$PWD"/service/target/safereg-service-*-exec.jar)
  bench_classpath="$(ls "$PWD"/bench/target/safereg-bench-*.jar):$(cat bench/target/classpath)"
}

bench_build() {
  mvn -B -q -pl bench -am package -DskipTests
  bench_paths
}

bench_build_once() {
  if ls service/target/safereg-service-*-exec.jar bench/target/safereg-bench-*.jar bench/target/classpath \
    >/dev/null 2>&1; then
    bench_paths
  else
    bench_build
  fi
}
