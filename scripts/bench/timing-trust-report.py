"""Reads the records timing-trust.sh wrote and prints what the timing-trust checks ask for:
exponents (whole and tail) with CIs of softmax/materialized and linear-attention/recurrent per
loaded run, whether they fall in [1.8, 2.2] and [0.8, 1.2]; per-point agreement of the quiet
runs; roofline fractions above 1 and wall/CPU time of the quick profiles; the crossovers."""
import glob
import json
import os
import statistics
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/timing-trust"
BANDS = {("softmax-attention", "materialized"): (1.8, 2.2), ("linear-attention", "recurrent"): (0.8, 1.2)}


def load(name):
    with open(os.path.join(OUT, name)) as f:
        return json.load(f)


def fmt(x, ci):
    return f"{x:.2f} [{ci['lo']:.2f}, {ci['hi']:.2f}]" if ci else f"{x:.2f}"


print("== loaded runs (bursty load beside) ==")
for path in sorted(glob.glob(os.path.join(OUT, "burst-*.json"))):
    r = json.load(open(path))
    for f in r["fits"]:
        band = BANDS.get((f["mixer"], f["form"]))
        if not band:
            continue
        t = f.get("tail", {})
        inside = band[0] <= f["exponent"] <= band[1] and band[0] <= t.get("exponent", f["exponent"]) <= band[1]
        cis = [c for c in (f.get("ci"), t.get("ci")) if c]
        ci_inside = len(cis) == 2 and all(band[0] <= c["lo"] and c["hi"] <= band[1] for c in cis)
        ci_overlap = len(cis) == 2 and all(c["lo"] <= band[1] and c["hi"] >= band[0] for c in cis)
        print(f"{os.path.basename(path)} {f['mixer']}/{f['form']}: exponent {fmt(f['exponent'], f.get('ci'))}, tail {fmt(t.get('exponent', float('nan')), t.get('ci'))}"
              f" in {band}: {'yes' if inside else 'NO'}; both CIs inside the band: {'yes' if ci_inside else 'no'}; overlapping it: {'yes' if ci_overlap else 'no'}")

print("== quiet runs: per-point medians ==")
quiet = [load(os.path.basename(p)) for p in sorted(glob.glob(os.path.join(OUT, "quiet-*.json")))]
if len(quiet) >= 2:
    a, b = ({(p["mixer"], p["form"], p["L"]): p["stats"]["p50"] for p in q["points"] if p["stats"]} for q in quiet[:2])
    common = sorted(set(a) & set(b))
    agree = [k for k in common if abs(a[k] / b[k] - 1) <= 0.05]
    print(f"{len(agree)}/{len(common)} points agree within 5% ({100 * len(agree) / max(1, len(common)):.0f}%)")
    for k in common:
        print(f"  {k[0]}/{k[1]} L={k[2]}: {a[k]:.4g} vs {b[k]:.4g} ms ({100 * (a[k] / b[k] - 1):+.1f}%)")

print("== quick profiles ==")
walls, cpus = [], []
for path in sorted(glob.glob(os.path.join(OUT, "quick-*.json"))):
    times = open(path.replace(".json", ".time")).read().split() if os.path.exists(path.replace(".json", ".time")) else []
    if len(times) != 3:
        continue  # still running
    r = json.load(open(path))
    wall, user, sys_ = map(float, times)
    walls.append(wall)
    cpus.append(user + sys_)
    above = [p for p in r["points"] if (p.get("rooflineFraction") or 0) > 1]
    flagged = [p for p in r["points"] if p.get("aboveRoof")]
    cal = r.get("calibration", [])
    print(f"{os.path.basename(path)}: {len(r['points'])} points, wall {wall:.1f} s, CPU {user + sys_:.1f} s, fraction > 1: {len(above)},"
          f" aboveRoof: {len(flagged)}, calibration valid: {[c.get('valid') for c in cal]}")
if walls:
    print(f"median wall {statistics.median(walls):.1f} s, median CPU {statistics.median(cpus):.1f} s")

print("== crossovers (last loaded and quiet runs) ==")
for path in sorted(glob.glob(os.path.join(OUT, "quiet-*.json")))[:1] + sorted(glob.glob(os.path.join(OUT, "burst-*.json")))[:1]:
    r = json.load(open(path))
    for c in r["crossovers"]:
        if c["status"] == "crosses":
            ci = c.get("ci") or {}
            print(f"{os.path.basename(path)}: {c['faster']['mixer']}/{c['faster']['form']} beats {c['slower']['mixer']}/{c['slower']['form']} from L ≈ {c['L']:.0f}"
                  f" (CI {ci.get('lo')}–{ci.get('hi')}, agreement {ci.get('agreement')})")
