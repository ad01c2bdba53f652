#!/usr/bin/env bash
# word2vec: training throughput of the Engine's skip-gram trainer (one
# thread, negative sampling), in corpus words per second, read from the
# "words/s: N" figure of the demo's last frame. Words are tokens read,
# including those subsampling discards (as word2vec.c's progress line counts
# them). Only time inside the trainer counts; building the corpus and drawing
# are excluded.
set -euo pipefail
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
run() {   # label, then demo parameters
  local label=$1; shift
  local out
  out=$("$LECTERN" demo word2vec "$@" frames=5 --final --width 100)
  local speed
  speed=$(grep -o 'words/s: [0-9]*' <<<"$out" | head -1 | grep -o '[0-9]*$')
  [ -n "$speed" ] || { echo "   no words/s figure in the demo output"; return 1; }
  printf '   %-58s %10s words/s\n' "$label" "$speed"
}
run "d=100, window 5, 5 negatives, 40k sentences x 3 epochs" sentences=40000 dim=100 window=5 negatives=5 epochs=3
run "d=24, window 3, 5 negatives (the lesson's demo settings)" sentences=40000 dim=24 window=3 negatives=5 epochs=3
