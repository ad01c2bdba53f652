#!/usr/bin/env bash
# Check latency after an edit: `lectern check sliding-window-max/deque` on the
# course's solution changed before every run (a new comment line, so neither
# the compiled binary nor the report can be reused; what is prepared once per
# machine and lectern build is kept: the Tensor/LecternKit toolkit and the
# performance group's cases and reference outputs), against a bare `swiftc -O`
# of the same changed file with a trivial main; then an unchanged re-check
# (cached binary and report). LECTERN_TRACE=1 on a check prints where the time goes.
# Medians of 5. Goals: ratio <= 1.5, re-check <= 0.3 s.
set -uo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
SWIFTC=${SWIFTC:-$(command -v swiftc)}
SOLUTION=Content/sliding-window-max/solutions/deque.swift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; local rc=$?; t1=$(date +%s.%N)
            echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }'; return $rc; }

# Build the toolkit once (not part of the per-check latency).
if ! "$LECTERN" check sliding-window-max/deque --file "$SOLUTION" >/dev/null 2>&1; then
  echo "   check of the solution did not pass:"; "$LECTERN" check sliding-window-max/deque --file "$SOLUTION" | sed 's/^/   /'
  exit 1
fi

# A changed copy of the solution for run $1 (same code, one more comment line).
edited() { mkdir -p "$tmp/$1"; { cat "$SOLUTION"; echo "// edit $1 $$ $RANDOM"; } > "$tmp/$1/deque.swift"; }

cold=(); bare=()
echo 'print(maxSlidingWindow(nums: [1, 3, -1, -3, 5, 3, 6, 7], k: 3))' > "$tmp/main.swift"
for i in 1 2 3 4 5; do
  # Alternate the two measurements so both see the same machine load.
  edited "check$i"
  cold+=("$(seconds "$LECTERN" check sliding-window-max/deque --file "$tmp/check$i/deque.swift")")
  edited "bare$i"
  bare+=("$(seconds "$SWIFTC" -O "$tmp/bare$i/deque.swift" "$tmp/main.swift" -o "$tmp/bare$i/bare")")
done
warm=(); for i in 1 2 3 4 5; do
  warm+=("$(seconds "$LECTERN" check sliding-window-max/deque --file "$SOLUTION")")
done
c=$(printf '%s\n' "${cold[@]}" | median)
b=$(printf '%s\n' "${bare[@]}" | median)
w=$(printf '%s\n' "${warm[@]}" | median)
echo "   check of an edited file (median of 5): ${c} s   [${cold[*]}]"
echo "   bare swiftc -O, edited (median of 5):  ${b} s   [${bare[*]}]"
echo "   ratio check / swiftc:                  $(awk -v c="$c" -v b="$b" 'BEGIN { printf "%.2f", c / b }')   (goal <= 1.5)"
echo "   unchanged re-check (median of 5):      ${w} s   [${warm[*]}]   (goal <= 0.3)"
