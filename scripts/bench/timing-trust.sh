#!/bin/bash
# The timing-trust checks of a sweep: five runs of the softmax/linear-attention sweep beside a bursty
# CPU load (bursty-load.mjs), two quiet runs of the same sweep, and quick profiles, each record kept
# in OUT (default /tmp/timing-trust); timing-trust-report.py reads them back. Run from the repo root.
set -u
OUT=${1:-/tmp/timing-trust}
QUICK_RUNS=${QUICK_RUNS:-3}
mkdir -p "$OUT"
SWEEP=(run --mixers softmax-attention,linear-attention --lengths 256,512,1024,2048)
here=$(dirname "$0")
for i in 1 2 3 4 5; do
  node "$here/bursty-load.mjs" "$i" & load=$!
  /usr/bin/time -f "%e %U %S" -o "$OUT/burst-$i.time" node bin/mixscope.mjs "${SWEEP[@]}" --out "$OUT/burst-$i.json" > "$OUT/burst-$i.out" 2>&1
  kill "$load"
done
for i in 1 2; do
  /usr/bin/time -f "%e %U %S" -o "$OUT/quiet-$i.time" node bin/mixscope.mjs "${SWEEP[@]}" --out "$OUT/quiet-$i.json" > "$OUT/quiet-$i.out" 2>&1
done
for i in $(seq 1 "$QUICK_RUNS"); do
  /usr/bin/time -f "%e %U %S" -o "$OUT/quick-$i.time" node bin/mixscope.mjs run --quick --out "$OUT/quick-$i.json" > "$OUT/quick-$i.out" 2>&1
done
echo done > "$OUT/DONE"
