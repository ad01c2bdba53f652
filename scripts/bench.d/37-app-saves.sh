#!/usr/bin/env bash
# The full-screen app over 1000 saves of the exercise file in view (in a
# detached tmux session, on a fresh workspace): the starter (wrong) and the
# course's solution (right) saved in turn, so the verdicts alternate. The app
# runs with LECTERN_TRACE=1, which writes one `verdict` line per check to its
# stderr: every save must get exactly one, with the expected verdict. Prints
# the app's resident memory (VmRSS) after save 10 and after the last save
# (goal: flat), its open descriptors, and child processes left.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/proc-usage.sh
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
SAVES=${SAVES:-1000}
command -v tmux >/dev/null 2>&1 || { echo "   tmux is not installed: skipped"; exit 0; }
root=$PWD
tmp=$(mktemp -d)
sock="lectern-bench-saves-$$"
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
cd "$tmp"
"$LECTERN" init ws > /dev/null 2>&1 || { echo "   lectern init failed"; exit 1; }
cd ws
file=Exercises/sliding-window-max/naive.swift
cp "$file" "$tmp/wrong.swift"
cp "$root/Content/sliding-window-max/solutions/naive.swift" "$tmp/right.swift"
tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
  "TERM=xterm-256color LECTERN_TRACE=1 '$LECTERN' 2> '$tmp/trace'; sleep 5"
# The app is the child of the pane's shell.
pid=""
for _ in $(seq 1 100); do
  shell=$(tmux -L "$sock" display-message -p -t 0 '#{pane_pid}' 2>/dev/null)
  pid=$(cat "/proc/$shell/task/$shell/children" 2>/dev/null | awk '{ print $1 }')
  [ -n "$pid" ] && break
  sleep 0.05
done
[ -n "$pid" ] || { echo "   the app did not start"; exit 1; }
sleep 1   # the lesson is open and its files are watched
count() { grep -c '^lectern-trace: verdict ' "$tmp/trace"; }
wrongs=0
t0=$(date +%s.%N)
for i in $(seq 1 "$SAVES"); do
  if [ $((i % 2)) -eq 1 ]; then cat "$tmp/wrong.swift" > "$file"; else cat "$tmp/right.swift" > "$file"; fi
  for _ in $(seq 1 6000); do [ "$(count)" -ge "$i" ] && break; sleep 0.01; done
  last=$(grep '^lectern-trace: verdict ' "$tmp/trace" | tail -1 | awk '{ print $3 }')
  if [ $((i % 2)) -eq 1 ]; then [ "$last" = passed ] && wrongs=$((wrongs + 1)); else [ "$last" = passed ] || wrongs=$((wrongs + 1)); fi
  [ "$i" -eq 10 ] && { rss10=$(proc_rss "$pid"); fd10=$(proc_fds "$pid"); }
done
t1=$(date +%s.%N)
sleep 1
rssN=$(proc_rss "$pid"); fdN=$(proc_fds "$pid"); children=$(proc_children "$pid")
echo "   $SAVES saves, $(count) checks in $(echo "$t1 - $t0" | bc | cut -c1-6) s, $wrongs with an unexpected verdict (goal: one check per save, none unexpected)"
echo "   resident memory: ${rss10:-?} KiB after save 10, ${rssN} KiB after save $SAVES (goal: flat)"
echo "   open descriptors: ${fd10:-?} → $fdN; child processes left: $children"
