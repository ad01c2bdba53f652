#!/usr/bin/env bash
# A 5 MB lesson (the built-in lessons repeated): `lectern show` of it (median
# of 3, goal well under 1 s), the app's first full frame at 100x30 on a course
# whose last lesson is the big one (the outline scans lessons, it does not
# parse them: goal < 100 ms), and the first frame with the big lesson open
# (goal < 1 s). The app needs a terminal: a detached tmux session, or `script`.
set -uo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
tmp=$(mktemp -d)
sock="lectern-bench-big-$$"
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT

# Two courses: "last" has the big lesson after the built-in ones, "first" opens on it.
mkdir -p "$tmp/last/big" "$tmp/first"
ids=$(awk '/^lessons:/ { on = 1; next } on && /^ *- / { sub(/^ *- */, ""); print }' Content/course.yaml)
for id in $ids; do cp -r "Content/$id" "$tmp/last/$id"; done
{ echo "title: Big"; echo "lessons:"; for id in $ids; do echo "  - $id"; done; echo "  - big"; } > "$tmp/last/course.yaml"
big="$tmp/last/big/lesson.md"
printf -- '---\nid: big\ntitle: A five-megabyte lesson\nsummary: Every lesson, again and again.\n---\n' > "$big"
while [ "$(stat -c %s "$big")" -lt 5000000 ]; do
  for id in $ids; do awk 'n >= 2 { print } /^---$/ { n++ }' "Content/$id/lesson.md" >> "$big"; done
done
cp -r "$tmp/last/big" "$tmp/first/big"
printf 'title: Big\nlessons:\n  - big\n' > "$tmp/first/course.yaml"
size=$(stat -c %s "$big")
lines=$(wc -l < "$big")

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }

times=""
for i in 1 2 3; do
  t0=$(now)
  "$LECTERN" show big --course "$tmp/first" --width 100 > /dev/null 2>&1
  t1=$(now)
  times="$times $(echo "$t1 - $t0" | bc)"
done
echo "   lesson: $size bytes, $lines lines"
echo "   lectern show (median of 3):             $(echo $times | tr ' ' '\n' | median) s   (goal < 1 s)"

on_terminal() {
  rm -f "$tmp/done"
  local cmd
  printf -v cmd '%q ' "$@"
  if command -v tmux >/dev/null 2>&1; then
    tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
      "TERM=xterm-256color $cmd 2>>'$tmp/err'; touch '$tmp/done'"
  else
    script -qec "stty cols 100 rows 30; TERM=xterm-256color $cmd 2>>'$tmp/err'; touch '$tmp/done'" /dev/null >/dev/null
  fi
  for _ in $(seq 1 600); do [ -e "$tmp/done" ] && return 0; sleep 0.05; done
  echo "   (timed out)"; return 1
}

cd "$tmp"   # no workspace here, so no remembered position
for course in last first; do
  : > "$tmp/err"
  for i in 1 2 3; do
    on_terminal env LECTERN_BENCH_FIRST_FRAME=1 sh -c 'LECTERN_BENCH_T0=$(date +%s%N) exec "$0" --course "$1"' "$LECTERN" "$tmp/$course" || exit 1
  done
  ms=$(grep -o 'first-frame-ms: [0-9.]*' "$tmp/err" | awk '{ print $2 }')
  [ -n "$ms" ] || { echo "   no first-frame figure; stderr was:"; sed 's/^/   /' "$tmp/err"; exit 1; }
  if [ "$course" = last ]; then
    echo "   app, course with the big lesson last:   $(echo "$ms" | median) ms first frame (median of 3, goal < 100 ms)"
  else
    echo "   app, opening on the big lesson:         $(echo "$ms" | median) ms first frame (median of 3, goal < 1000 ms)"
  fi
done
