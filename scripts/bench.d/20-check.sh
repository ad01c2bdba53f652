#!/usr/bin/env bash
# Check latency: `lectern check sliding-window-max/deque` on the course's
# solution with the learner-binary cache cleared (what is prepared once per
# machine and lectern build is kept: the Tensor/LecternKit toolkit and the
# performance group's cases and reference outputs), against a bare `swiftc -O`
# of the same file with a trivial main; then an unchanged re-check (cached
# binary and report). LECTERN_TRACE=1 on a check prints where the time goes.
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

cold=(); for i in 1 2 3 4 5; do
  rm -rf "$XDG_CACHE_HOME/lectern/bin"
  cold+=("$(seconds "$LECTERN" check sliding-window-max/deque --file "$SOLUTION")")
done
cp "$SOLUTION" "$tmp/deque.swift"
echo 'print(maxSlidingWindow(nums: [1, 3, -1, -3, 5, 3, 6, 7], k: 3))' > "$tmp/main.swift"
bare=(); for i in 1 2 3 4 5; do
  bare+=("$(seconds "$SWIFTC" -O "$tmp/deque.swift" "$tmp/main.swift" -o "$tmp/bare")")
done
warm=(); for i in 1 2 3 4 5; do
  warm+=("$(seconds "$LECTERN" check sliding-window-max/deque --file "$SOLUTION")")
done
c=$(printf '%s\n' "${cold[@]}" | median)
b=$(printf '%s\n' "${bare[@]}" | median)
w=$(printf '%s\n' "${warm[@]}" | median)
echo "   check, cache cleared (median of 5): ${c} s   [${cold[*]}]"
echo "   bare swiftc -O (median of 5):       ${b} s   [${bare[*]}]"
echo "   ratio check / swiftc:               $(awk -v c="$c" -v b="$b" 'BEGIN { printf "%.2f", c / b }')   (goal <= 1.5)"
echo "   unchanged re-check (median of 5):   ${w} s   [${warm[*]}]   (goal <= 0.3)"
