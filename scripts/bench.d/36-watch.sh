#!/usr/bin/env bash
# `lectern watch` over 1000 saves of one exercise file (each re-check reuses the
# compiled program): resident memory (VmRSS) after save 10 and after save 1000
# (goal: flat), open descriptors, and every save answered by exactly one verdict.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/proc-usage.sh
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
SAVES=${SAVES:-1000}
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp"
"$LECTERN" init ws > /dev/null 2>&1 || { echo "   lectern init failed"; exit 1; }
cd ws
file=Exercises/sliding-window-max/naive.swift
"$LECTERN" check sliding-window-max/naive > /dev/null 2>&1   # compiles once
"$LECTERN" watch > "$tmp/out" 2>/dev/null < /dev/null &
pid=$!
disown "$pid"
sleep 0.5
count() { grep -c '^✗ sliding-window-max/naive: ' "$tmp/out"; }
t0=$(date +%s.%N)
for i in $(seq 1 "$SAVES"); do
  cat "$file" > "$file.tmp" && cat "$file.tmp" > "$file"
  for _ in $(seq 1 3000); do [ "$(count)" -ge "$i" ] && break; sleep 0.01; done
  [ "$i" -eq 10 ] && { rss10=$(proc_rss "$pid"); fd10=$(proc_fds "$pid"); }
done
t1=$(date +%s.%N)
sleep 0.5
rssN=$(proc_rss "$pid"); fdN=$(proc_fds "$pid"); children=$(proc_children "$pid")
echo "   $SAVES saves, $(count) verdicts in $(echo "$t1 - $t0" | bc | cut -c1-6) s (goal: one verdict per save)"
echo "   resident memory: ${rss10} KiB after save 10, ${rssN} KiB after save $SAVES (goal: flat)"
echo "   open descriptors: $fd10 → $fdN; child processes left: $children"
