#!/usr/bin/env bash
# detr and gradient-checkpointing: the reference Hungarian algorithm on a
# 400×400 matrix of random costs, and the best checkpointing plan for a chain
# of 2000 layers (random sizes 1-100, budgets of 1/4 and 1/10 of storing
# everything), as `lectern reference ID --time` reports them (compute seconds
# inside the Engine, JSON excluded). Medians of 5 runs. The inputs are
# generated here with awk from fixed seeds.
#
# Goals: Hungarian 400×400 within 3× of scipy.optimize.linear_sum_assignment
# on the same machine (measured at about 5 ms, so 15 ms); best-plan for
# n = 2000 well under a second.
set -euo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk 'BEGIN { srand(400); printf "[{\"cost\":[";
             for (i = 0; i < 400; i++) { printf "%s[", (i ? "," : "");
               for (j = 0; j < 400; j++) printf "%s%.4f", (j ? "," : ""), rand() * 100; printf "]" }
             print "]}]" }' > "$work/hungarian.json"
for div in 4 10; do
  awk -v div="$div" 'BEGIN { srand(2000); printf "[{\"sizes\":["; total = 0;
               for (i = 0; i < 2000; i++) { s = int(rand() * 100) + 1; if (i < 1999) total += s; printf "%s%d", (i ? "," : ""), s }
               printf "],\"budget\":%d}]\n", int(total / div) }' > "$work/best-plan-$div.json"
done

seconds() {   # exercise, input file → compute-seconds
  "$LECTERN" reference "$1" --input "$2" --time 2>&1 >/dev/null | grep -o 'compute-seconds: [0-9.e-]*' | grep -o '[0-9.e-]*$'
}
median5() {   # exercise, input file → median compute-seconds of 5 runs
  for _ in 1 2 3 4 5; do seconds "$1" "$2"; done | sort -g | awk '{ v[NR] = $1 } END { print v[3] }'
}
ms() { awk -v s="$1" 'BEGIN { printf "%8.1f ms", s * 1000 }'; }

printf '   %-58s %s   (goal: within 3× of scipy (5 ms → 15 ms))\n' "detr/hungarian 400×400 (median of 5)" "$(ms "$(median5 detr/hungarian "$work/hungarian.json")")"
printf '   %-58s %s   (goal: well under 1 s)\n' "gradient-checkpointing/best-plan n = 2000, budget 1/4 (median of 5)" "$(ms "$(median5 gradient-checkpointing/best-plan "$work/best-plan-4.json")")"
printf '   %-58s %s   (goal: well under 1 s)\n' "gradient-checkpointing/best-plan n = 2000, budget 1/10 (median of 5)" "$(ms "$(median5 gradient-checkpointing/best-plan "$work/best-plan-10.json")")"
