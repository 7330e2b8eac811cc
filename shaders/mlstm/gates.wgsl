// mLSTM, parallel form (MIXERS.md §7), pass 1: the log forget-gate sums and the row stabilizer.
// F_t = Σ_{r≤t} log σ(f̃_r) ('log f'), so the log-gate matrix is D_ts = ĩ_s + F_t − F_s (s ≤ t), and its
// row max is a prefix max: m_t = max_{s≤t} D_ts = F_t + max_{s≤t}(ĩ_s − F_s) ('row max m'), O(L) in
// all. One workgroup of 256: each lane walks one contiguous segment, segments are joined by
// Hillis–Steele scans (a sum, then a max) over the 256 lanes.

#include "common/log-sigmoid.wgsl"

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> igate: array<f32>;
@group(0) @binding(2) var<storage, read> fgate: array<f32>;
@group(0) @binding(3) var<storage, read_write> logF: array<f32>;
@group(0) @binding(4) var<storage, read_write> rowMax: array<f32>;

const WIDTH: u32 = 256u;
const NEG: f32 = -3.0e38;

var<workgroup> part: array<f32, 256>;

/** Inclusive scan of part[] over the workgroup, by sum or by max. */
fn scan(li: u32, is_max: bool) {
  for (var offset = 1u; offset < WIDTH; offset *= 2u) {
    let other = select(select(0.0, NEG, is_max), part[max(li, offset) - offset], li >= offset);
    workgroupBarrier();
    part[li] = select(part[li] + other, max(part[li], other), is_max);
    workgroupBarrier();
  }
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let seg = (L + WIDTH - 1u) / WIDTH;
  let lo = min(L, li * seg);
  let hi = min(L, lo + seg);
  var sum = 0.0;
  for (var t = lo; t < hi; t++) { sum += logSigmoid(fgate[t]); }
  part[li] = sum;
  workgroupBarrier();
  scan(li, false);
  var F = select(0.0, part[max(li, 1u) - 1u], li > 0u);
  var best = NEG;
  for (var t = lo; t < hi; t++) {
    F += logSigmoid(fgate[t]);
    logF[t] = F;
    best = max(best, igate[t] - F);
  }
  workgroupBarrier();
  part[li] = best;
  workgroupBarrier();
  scan(li, true);
  var run = select(NEG, part[max(li, 1u) - 1u], li > 0u);
  for (var t = lo; t < hi; t++) {
    run = max(run, igate[t] - logF[t]);
    rowMax[t] = logF[t] + run;
  }
}
