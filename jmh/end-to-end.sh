#!/usr/bin/env bash
# Issue-9 target 4: the cost of `evaluate` on the large sample against reading and validating the same dataset
# alone, and the peak memory (max RSS) of each above the JVM's baseline (`--version`). Run from the repository
# root after `./mvnw -B -DskipTests package`; prints one line per command and the two ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=partnership-examples/target/partnership.jar
data=${1:-target/large.json}
if [[ ! -f "$data" ]]; then
  mkdir -p "$(dirname "$data")"
  java -jar "$jar" sample --size large --output "$data"
fi
signals=1000000
measure() { # prints "seconds maxRssKiB"
  /usr/bin/time -f "%e %M" java -jar "$jar" "$@" > /dev/null 2> >(tail -1 > /tmp/partnership-e2e.$$) ; wait; cat /tmp/partnership-e2e.$$
}
read -r t0 m0 < <(measure --version)
read -r t1 m1 < <(measure validate "$data")
read -r t2 m2 < <(measure evaluate "$data" --format json --output /dev/null)
rm -f /tmp/partnership-e2e.$$
echo "baseline  (--version):      ${t0} s, max RSS ${m0} KiB"
echo "validate  (read + check):   ${t1} s, max RSS ${m1} KiB"
echo "evaluate  (every strategy): ${t2} s, max RSS ${m2} KiB"
awk -v t1="$t1" -v t2="$t2" -v m0="$m0" -v m2="$m2" -v n="$signals" 'BEGIN {
  printf "evaluate / validate time: %.2f (target <= 2)\n", t2 / t1;
  printf "peak memory above baseline: %.0f bytes per signal (target <= 64)\n", (m2 - m0) * 1024 / n }'
