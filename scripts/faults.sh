#!/usr/bin/env bash
# The fault suite: starts its own MariaDB and Redis on spare ports (never the ones on 3306/6379), two SafeReg
# instances on them and a steady load (gas readings raising and clearing alarms, acknowledgements, credit
# and risk reads) on both, then, one after another: kills Redis for 60 s (it comes back empty), kills MariaDB
# for 30 s, kills an instance right after an activation and an instance during a credit run. Prints per fault
# the failed requests by status, the longest wait, the seconds until both instances serve again, alarms and
# tasks lost or duplicated (counted from MySQL and the stream) and whether credit and risk ended on the version
# in force; exits 1 when a target is missed (no loss, no duplicate, no wait over 3 s, credit and risk reads
# served through the MySQL outage). About 8 minutes; logs and data in service/target/faults/.
#   scripts/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mariadb-install-db >/dev/null && command -v redis-server >/dev/null || {
  echo "the fault suite needs mariadb-server and redis-server installed (apt-get install mariadb-server redis-server)"
  exit 2
}
home=service/target/faults
rm -rf "$home" && mkdir -p "$home"

. scripts/lib/bench.sh
bench_build

exec java -cp "$bench_classpath" org.safereg.faults.FaultSuite \
  "$home" "$service_jar" "service/target/test-classes/test-jwt-public.pem"
