#!/usr/bin/env bash
# Runs every benchmark in scripts/bench.d/ in name order. Each prints its own
# figures; ratios are measured within one run because the machines are shared
# and noisy. Expects a release build at .build/release/lectern (make bench does it).
set -uo pipefail
cd "$(dirname "$0")/.."
export LECTERN=${LECTERN:-$PWD/.build/release/lectern}
status=0
for b in scripts/bench.d/*.sh; do
  [ -e "$b" ] || continue
  echo "== $(basename "$b" .sh)"
  bash "$b" || { echo "   (benchmark $b failed)"; status=1; }
done
exit $status
