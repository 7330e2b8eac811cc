#!/bin/sh
# mixscope device kit: real-GPU figures on a Linux x64 machine with nothing but a GPU driver.
#   ./run.sh [--quick] OUTDIR
# Unpacks the kit's own Node and Dawn into a temporary folder (removed on exit), then writes into
# OUTDIR: probe.json (hosts, adapters, limits), autotune.json (every matmul tile configuration's
# check and time, and the one kept), wgsl-float32.json/.csv (the run record: calibration
# and every mixer and form on wgsl), wgsl-float16.json/.csv where the adapter offers f16,
# torch.json where `python3 -c 'import torch'` works, bench.json (our medians, PyTorch's, ratios)
# and run.log. --quick runs the short lengths a software adapter affords.
# MIXSCOPE_DAWN_ROUTES picks the adapter route (default,swiftshader-vulkan,opengles-llvmpipe).
set -eu

KIT=$(cd "$(dirname "$0")" && pwd)
QUICK=""
if [ "${1:-}" = "--quick" ]; then QUICK="--quick"; shift; fi
if [ $# -ne 1 ]; then echo "usage: $0 [--quick] OUTDIR" >&2; exit 2; fi
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
LOG="$OUT/run.log"
: > "$LOG"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$LOG" >&2; }
# A step's output goes to the log and the terminal; its exit status is kept.
step() {
  name=$1; shift
  log "== $name: $*"
  status_file="$RUNTIME/status"
  { "$@" 2>&1; echo $? > "$status_file"; } | tee -a "$LOG" >&2
  rc=$(cat "$status_file")
  log "== $name: exit $rc"
  return "$rc"
}
# `timeout` where coreutils has it: SIGINT first, so the sweep stops between points and keeps its record.
guard() { if command -v timeout >/dev/null 2>&1; then timeout -s INT -k 30 "$@"; else shift; "$@"; fi; }

RUNTIME=$(mktemp -d "${TMPDIR:-/tmp}/mixscope-kit.XXXXXX")
trap 'rm -rf "$RUNTIME"' EXIT INT TERM
cp -R "$KIT/app/." "$RUNTIME/"
mkdir -p "$RUNTIME/bin" "$RUNTIME/node_modules/webgpu/dist/linux-x64"
gzip -dc "$KIT/node.gz" > "$RUNTIME/bin/node"
chmod +x "$RUNTIME/bin/node"
gzip -dc "$KIT/dawn.node.gz" > "$RUNTIME/node_modules/webgpu/dist/linux-x64/dawn.node"
NODE="$RUNTIME/bin/node"
# Whatever runs `node` from here on gets the kit's, never the system's.
PATH="$RUNTIME/bin:$PATH"
export PATH
export MIXSCOPE_USER_DATA="${MIXSCOPE_USER_DATA:-$OUT/user-data}"
CLI="$RUNTIME/mixscope.mjs"

log "mixscope device kit $(cat "$KIT/VERSION") on $(uname -srm), node $("$NODE" --version), mode ${QUICK:-full}"
eval "$("$NODE" "$RUNTIME/kit.mjs" shapes $QUICK)"
log "shapes: L = $lengths, d = $d, dv = $dv"
# Full mode within 8 minutes: probe and autotune (~30 s), the sweep (270 s, then SIGINT keeps the
# points done), float16 (90 s), PyTorch (90 s).
if [ -n "$QUICK" ]; then budget=1800; else budget=270; fi

step probe sh -c "'$NODE' '$CLI' probe --json > '$OUT/probe.json'" || true
step autotune "$NODE" "$RUNTIME/kit.mjs" autotune --out "$OUT/autotune.json" || log "autotune failed (the sweep autotunes again at calibration)"
records="--record $OUT/wgsl-float32.json"
step wgsl-float32 guard "$budget" "$NODE" "$CLI" run $QUICK --backends wgsl --lengths "$lengths" --d "$d" --dv "$dv" \
  --dtype float32 --out "$OUT/wgsl-float32.json" || log "wgsl float32 sweep ended early (its record keeps the points done)"

if f16=$("$NODE" "$RUNTIME/kit.mjs" offers-f16 "$OUT/probe.json" 2>&1); then
  log "$f16"
  step wgsl-float16 guard 90 "$NODE" "$CLI" run $QUICK --backends wgsl --lengths "$lengths" --d "$d" --dv "$dv" \
    --dtype float16 --no-calibrate --out "$OUT/wgsl-float16.json" || log "wgsl float16 sweep ended early"
  records="$records --record $OUT/wgsl-float16.json"
else
  log "$f16: not run"
fi

torch=""
if command -v python3 >/dev/null 2>&1 && why=$(python3 -c 'import torch' 2>&1); then
  step torch guard 90 python3 "$RUNTIME/torch-bench.py" --lengths "$lengths" --d "$d" --dv "$dv" --half \
    --out "$OUT/torch.json" && torch="--torch $OUT/torch.json" || log "PyTorch timings failed (see above)"
else
  log "PyTorch: not timed (python3 -c 'import torch' fails: $(printf '%s' "${why:-no python3}" | tail -n 1))"
fi

step bench "$NODE" "$RUNTIME/kit.mjs" bench --out "$OUT/bench.json" $records $torch || true

missing=""
for f in probe.json autotune.json wgsl-float32.json wgsl-float32.csv bench.json run.log; do
  [ -s "$OUT/$f" ] || missing="$missing $f"
done
if [ -n "$missing" ]; then log "MISSING:$missing"; exit 1; fi
log "done: $(cd "$OUT" && ls | tr '\n' ' ')"
