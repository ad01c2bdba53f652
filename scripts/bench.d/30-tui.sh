#!/usr/bin/env bash
# Full-screen app: time from launch to the first full frame at 100x30 in tmux
# (LECTERN_BENCH_FIRST_FRAME=1 makes lectern print `first-frame-ms` to stderr
# after its first refresh and exit; the clock starts in the shell just before
# exec, via LECTERN_BENCH_T0), median of 7, goal < 100 ms; then the time to lay
# out and draw the longest lesson (LECTERN_BENCH_RENDER=1, mean of 20 inside
# one run). Both need a terminal, so they run in a detached tmux session
# (or under `script` when tmux is missing).
set -uo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
tmp=$(mktemp -d)
sock="lectern-bench-$$"
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
cd "$tmp"   # no workspace here: the app opens on the built-in course

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs "$@" on a 100x30 terminal (stdout stays the terminal: lectern opens the
# app only there), stderr to $tmp/err; waits for it to end.
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
  for _ in $(seq 1 200); do [ -e "$tmp/done" ] && return 0; sleep 0.05; done
  echo "   (timed out)"; return 1
}

: > "$tmp/err"
for i in 1 2 3 4 5 6 7; do
  on_terminal env LECTERN_BENCH_FIRST_FRAME=1 sh -c 'LECTERN_BENCH_T0=$(date +%s%N) exec "$0"' "$LECTERN" || exit 1
done
ms=$(grep -o 'first-frame-ms: [0-9.]*' "$tmp/err" | awk '{ print $2 }')
if [ -z "$ms" ]; then echo "   no first-frame figure; stderr was:"; sed 's/^/   /' "$tmp/err"; exit 1; fi
med=$(echo "$ms" | median)
echo "   first full frame at 100x30: median ${med} ms of $(echo "$ms" | wc -l) launches (goal < 100 ms); all: $(echo $ms)"

: > "$tmp/err"
on_terminal env LECTERN_BENCH_RENDER=1 "$LECTERN" || exit 1
line=$(grep 'render-longest-lesson-ms' "$tmp/err")
[ -n "$line" ] || { echo "   no render figure"; exit 1; }
echo "   longest lesson: ${line#render-longest-lesson-ms: } ms"
