#!/usr/bin/env bash
# Hazard-type classification quality: classifies the labelled descriptions
# (service/src/test/resources/hazards/labelled-descriptions.csv) with hazard-types.xlsx and prints precision and
# recall per type and overall (micro-averaged), and lists every description classified otherwise than labelled.
#   scripts/measure-hazard-types.sh [rule-set folder] [labelled csv]
# Defaults: the repository's own rules/ and decision-tables/, and the shipped labelled set. Needs no database.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh
bench_build_once
exec java -cp "$bench_classpath" org.safereg.hazards.HazardClassificationMeasure "$@"
