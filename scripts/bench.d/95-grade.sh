#!/usr/bin/env bash
# Batch grading: a synthetic class of 40 students x 3 exercises (the three
# sliding-window-max kinds; each student's files differ by a comment, so every
# file is compiled), graded with --jobs 1 and --jobs 2 (learner-binary cache
# and reports cleared, --force), then an unchanged regrade that the gradebook
# answers. Prints the three times and the ratios.
# Goals: jobs 1 / jobs 2 >= 1.5 on 2 cores; regrade / jobs 2 <= 0.05.
set -uo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
class="$tmp/class"
ids=(naive deque max-pool-2d)
for s in $(seq -w 1 40); do
  mkdir -p "$class/student-$s/sliding-window-max"
  for name in "${ids[@]}"; do
    { cat "Content/sliding-window-max/solutions/$name.swift"; echo "// student $s"; } \
      > "$class/student-$s/sliding-window-max/$name.swift"
  done
done
args=(--exercise sliding-window-max/naive --exercise sliding-window-max/deque --exercise sliding-window-max/max-pool-2d
      --seed 1234 --format csv --out "$tmp/grades.csv")
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>"$tmp/stderr"; local rc=$?; t1=$(date +%s.%N)
            echo "$t0 $t1" | awk '{ printf "%.2f\n", $2 - $1 }'; return $rc; }

# The toolkit and the performance groups' reference outputs are built once per machine, not per class.
"$LECTERN" check sliding-window-max/deque --file Content/sliding-window-max/solutions/deque.swift >/dev/null 2>&1

rm -rf "$XDG_CACHE_HOME/lectern/bin" "$XDG_CACHE_HOME/lectern/reports"
one=$(seconds "$LECTERN" grade "$class" --jobs 1 --force "${args[@]}") || { echo "   grade --jobs 1 failed:"; sed 's/^/   /' "$tmp/stderr"; exit 1; }
rm -rf "$XDG_CACHE_HOME/lectern/bin" "$XDG_CACHE_HOME/lectern/reports"
two=$(seconds "$LECTERN" grade "$class" --jobs 2 --force "${args[@]}") || { echo "   grade --jobs 2 failed:"; sed 's/^/   /' "$tmp/stderr"; exit 1; }
again=$(seconds "$LECTERN" grade "$class" --jobs 2 "${args[@]}") || { echo "   regrade failed"; exit 1; }
full=$(awk -F, 'NR > 1 { sub(/\r$/, ""); if ($NF == 6) n++ } END { print n + 0 }' "$tmp/grades.csv")
echo "   class: 40 students x 3 exercises, $full of 40 with full marks (6 points)"
echo "   grade --jobs 1:                 $one s"
echo "   grade --jobs 2:                 $two s"
echo "   unchanged regrade (gradebook):  $again s"
awk -v a="$one" -v b="$two" -v c="$again" 'BEGIN {
  printf "   speedup jobs 1 / jobs 2:        %.2f   (goal >= 1.5 on 2 cores)\n", a / b
  printf "   regrade / jobs 2:               %.3f  (goal <= 0.05)\n", c / b }'
