#!/usr/bin/env bash
# diffusion: DDIM sampling throughput on the lesson's 2-D toy model (eight
# Gaussians on a ring, exact closed-form noise predictor, no network), in
# point-steps per second (points x sampling steps / seconds inside the
# sampler), read from the "speed" line of the demo's last frame; drawing
# and start-up are excluded. Then one DDIM step on a Stable-Diffusion-sized
# latent (4x64x64 = 16384 values) as `lectern reference diffusion/ddim-step
# --time` reports it, 50 cases = one 50-step run's worth of scheduler work.
set -euo pipefail
cd "$(dirname "$0")/../.."
LECTERN=${LECTERN:-$PWD/.build/release/lectern}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {   # label, then demo parameters
  local label=$1; shift
  local out speed
  out=$("$LECTERN" demo diffusion "$@" frames=5 --final --width 100)
  speed=$(grep -o '[0-9]* point-steps/s' <<<"$out" | head -1 | grep -o '^[0-9]*')
  [ -n "$speed" ] || { echo "   no point-steps/s figure in the demo output"; return 1; }
  local target
  target=$(grep -o 'on a target *[0-9.]*%' <<<"$out" | grep -o '[0-9.]*%')
  printf '   %-52s %10s point-steps/s   (on a target: %s)\n' "$label" "$speed" "$target"
}
run "DDIM, 2000 points x 50 steps" sampler=ddim steps=50 points=2000
run "DDIM, 20000 points x 50 steps" sampler=ddim steps=50 points=20000
run "DDPM, 2000 points x 1000 steps" sampler=ddpm steps=1000 points=2000

# 50 DDIM steps on a 16384-value latent: Stable Diffusion's schedule, stride 20.
awk 'BEGIN {
  srand(50); n = 16384; T = 1000
  a = sqrt(0.00085); b = sqrt(0.012)
  betas = ""
  for (i = 0; i < T; i++) { r = a + (b - a) * i / (T - 1); betas = betas (i ? "," : "") sprintf("%.17g", r * r) }
  printf "["
  for (c = 0; c < 50; c++) {
    t = 980 - 20 * c
    printf "%s{\"t\":%d,\"prevT\":%d,\"betas\":[%s],\"sample\":[", (c ? "," : ""), t, t - 20, betas
    for (i = 0; i < n; i++) printf "%s%.4f", (i ? "," : ""), 4 * rand() - 2
    printf "],\"epsilon\":["
    for (i = 0; i < n; i++) printf "%s%.4f", (i ? "," : ""), 4 * rand() - 2
    printf "]}"
  }
  printf "]\n"
}' > "$work/ddim.json"
seconds=$("$LECTERN" reference diffusion/ddim-step --input "$work/ddim.json" --time 2>&1 >/dev/null \
  | grep -o 'compute-seconds: [0-9.e-]*' | grep -o '[0-9.e-]*$')
printf '   %-52s %10.4f s   (%s values/s)\n' "DDIM step x 50 on a 4x64x64 latent (reference)" "$seconds" \
  "$(awk -v s="$seconds" 'BEGIN { printf "%.0f", 50 * 16384 / s }')"
