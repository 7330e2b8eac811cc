#!/bin/sh
# The device kit as a stranger runs it: a copy of the kit folder alone, an empty environment, and a
# `node` first on PATH that fails, so anything that reaches for the system Node breaks the run.
#   scripts/device-kit/stranger-test.sh KITDIR OUTDIR [--quick | --full]   (default --quick)
# Checks every file run.sh promises and that the kit's run touched nothing outside OUTDIR.
# Minutes on a software adapter, so it is not part of `npm test` (device-kit.test.ts covers the
# bundle and the kit's commands in seconds).
set -eu
KIT=$(cd "$1" && pwd)
OUT=$2
shift 2
# run.sh's arguments: --quick by default; --full runs the standard sweep (no run.sh flag).
[ $# -gt 0 ] || set -- --quick
[ "$1" != "--full" ] || shift

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kit-stranger.XXXXXX")
cp -R "$KIT" "$WORK/kit"
mkdir -p "$WORK/fake-bin" "$WORK/home"
printf '#!/bin/sh\necho "system node must not be used" >&2\nexit 1\n' > "$WORK/fake-bin/node"
chmod +x "$WORK/fake-bin/node"
ln -s "$WORK/fake-bin/node" "$WORK/fake-bin/nodejs"
ln -s "$WORK/fake-bin/node" "$WORK/fake-bin/npm"
ln -s "$WORK/fake-bin/node" "$WORK/fake-bin/npx"

rc=0
# Only what a login shell has, plus the adapter route when the caller names one.
env -i HOME="$WORK/home" PATH="$WORK/fake-bin:/usr/bin:/bin" TMPDIR="$WORK" \
  ${MIXSCOPE_DAWN_ROUTES:+MIXSCOPE_DAWN_ROUTES="$MIXSCOPE_DAWN_ROUTES"} \
  sh "$WORK/kit/run.sh" "$@" "$OUT" || rc=$?

fail=0
for f in probe.json autotune.json wgsl-float32.json wgsl-float32.csv bench.json run.log; do
  if [ -s "$OUT/$f" ]; then echo "ok   $f ($(wc -c < "$OUT/$f") bytes)"; else echo "MISSING $f"; fail=1; fi
done
if grep -q "system node must not be used" "$OUT/run.log"; then echo "FAIL: the system node was called"; fail=1; fi
left=$(find "$WORK" -maxdepth 1 -name 'mixscope-kit.*' | wc -l)
[ "$left" -eq 0 ] || { echo "FAIL: $left runtime folder(s) left in TMPDIR"; fail=1; }
rm -rf "$WORK"
[ "$rc" -eq 0 ] && [ "$fail" -eq 0 ] && echo "stranger test passed" || { echo "stranger test FAILED (run.sh exit $rc)"; exit 1; }
