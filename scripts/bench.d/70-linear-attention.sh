#!/usr/bin/env bash
# linear attention and FLASH: compute seconds inside the Engine, as
# `lectern reference ID --time` reports them (JSON decoding excluded), for
#   - causal linear attention, n = 8192, d = e = 32;
#   - FLASH mixed-chunk attention, n = 8192, chunk 128, s = e = 64, causal
#     and non-causal;
# beside the goal: within 3x of PyTorch doing the same computation in float64
# on one thread, as timed on this machine by scripts/peers/pytorch.py
# (optional, needs torch; the figures are recorded here so the benchmark
# needs no Python). Inputs are uniform in [-1.5, 1.5) from a fixed awk seed.
PYTORCH_CAUSAL_LINEAR=0.134
PYTORCH_MIXED_CAUSAL=0.0088
PYTORCH_MIXED_PLAIN=0.0084
set -euo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# matrix ROWS COLS SEED: a JSON array of ROWS rows of COLS numbers.
matrix() {
  awk -v rows="$1" -v cols="$2" -v seed="$3" 'BEGIN {
    srand(seed); printf "["
    for (i = 0; i < rows; i++) {
      printf "%s[", (i ? "," : "")
      for (j = 0; j < cols; j++) printf "%s%.4f", (j ? "," : ""), 3 * rand() - 1.5
      printf "]"
    }
    printf "]"
  }'
}

{ printf '[{"q":'; matrix 8192 32 1; printf ',"k":'; matrix 8192 32 2; printf ',"v":'; matrix 8192 32 3; printf '}]'; } > "$work/causal.json"
for causal in true false; do
  { printf '[{"quadQ":'; matrix 8192 64 4; printf ',"quadK":'; matrix 8192 64 5
    printf ',"linQ":'; matrix 8192 64 6; printf ',"linK":'; matrix 8192 64 7
    printf ',"v":'; matrix 8192 64 8; printf ',"chunk":128,"causal":%s}]' "$causal"; } > "$work/mixed-$causal.json"
done

seconds() {   # exercise, input file -> compute-seconds, the fastest of 5 runs in one process
  "$LECTERN" reference "$1" --input "$2" --time --runs 5 2>&1 >/dev/null | grep -o 'compute-seconds: [0-9.e-]*' | grep -o '[0-9.e-]*$'
}
row() {   # label, seconds, PyTorch's seconds
  printf '   %-58s %8.4f s   PyTorch %s s: %sx (goal <= 3x)\n' "$1" "$2" "$3" \
    "$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a / b }')"
}
row "linear-attention/causal  n=8192 d=e=32" "$(seconds linear-attention/causal "$work/causal.json")" "$PYTORCH_CAUSAL_LINEAR"
row "flash/mixed-chunk  n=8192 c=128 s=e=64 causal" "$(seconds flash/mixed-chunk "$work/mixed-true.json")" "$PYTORCH_MIXED_CAUSAL"
row "flash/mixed-chunk  n=8192 c=128 s=e=64 non-causal" "$(seconds flash/mixed-chunk "$work/mixed-false.json")" "$PYTORCH_MIXED_PLAIN"

# The performance group at work: the masked quadratic form of causal linear
# attention (every row re-reads every earlier key) is correct but must be
# judged too_slow, with its growth named.
cat > "$work/quadratic.swift" <<'SWIFT'
import Foundation

private func phi(_ x: Double) -> Double { x > 0 ? x + 1 : exp(x) }

func causalLinearAttention(q: [[Double]], k: [[Double]], v: [[Double]]) -> [[Double]] {
    let e = v[0].count
    return q.indices.map { i in
        var row = [Double](repeating: 0, count: e), total = 0.0
        for j in 0...i {
            var w = 0.0
            for a in q[i].indices { w += phi(q[i][a]) * phi(k[j][a]) }
            total += w
            for b in 0..<e { row[b] += w * v[j][b] }
        }
        return row.map { $0 / total }
    }
}
SWIFT
report=$("$LECTERN" check linear-attention/causal --file "$work/quadratic.swift" --json 2>/dev/null || true)
field() { printf '%s' "$report" | grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed 's/^"[a-z]*":"//; s/"$//'; }
printf '   %-58s %s   %s   (goal: too_slow)\n' "quadratic causal linear attention, lectern check" \
  "$(field verdict)" "$(field growth)"
