// mLSTM, recurrent form (MIXERS.md §7), with the max-stabilizer:
//   m_t = max(log f_t + m_{t−1}, ĩ_t),  f' = e^{log f_t + m_{t−1} − m_t},  i' = e^{ĩ_t − m_t},
//   C_t = f' C_{t−1} + i' v_t k̂_tᵀ,  n_t = f' n_{t−1} + i' k̂_t,  h_t = C_t q_t / max(|n_tᵀ q_t|, e^{−m_t}),
// k̂ = k/√d, C_0 = 0, n_0 = 0. One invocation per state element (i, j) with the sequential loop over
// t: a workgroup of 64 holds 64/R value columns j, R lanes (d rounded up to a power of two, at most
// 64) per column, each lane ⌈d/R⌉ ≤ 16 entries of C's column j and of n in registers. Only the
// output needs the sums (C q, nᵀq) over i, so the partials of 16 tokens are parked in workgroup
// memory with their m_t and summed together: two barriers per 16 tokens instead of a tree reduction
// per token. The final C (d×dv) and n are written out.

#include "common/log-sigmoid.wgsl"

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read> igate: array<f32>;
@group(0) @binding(5) var<storage, read> fgate: array<f32>;
@group(0) @binding(6) var<storage, read_write> Y: array<f32>;
@group(0) @binding(7) var<storage, read_write> Cmem: array<f32>;
@group(0) @binding(8) var<storage, read_write> nmem: array<f32>;

const LANES: u32 = 64u;
const MAX_ROWS: u32 = 16u;

const SPAN: u32 = 16u;

var<workgroup> partial: array<array<vec2<f32>, 64>, 16>;
var<workgroup> stabilizer: array<f32, 16>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  var R = 1u;
  while (R < d && R < LANES) { R *= 2u; }
  let j = wid.x * (LANES / R) + li / R;
  let k = li % R;
  let jc = min(j, dv - 1u);
  var C: array<f32, 16>;
  var n: array<f32, 16>;
  var m = -1.0e30;
  let columns = LANES / R;
  for (var t0 = 0u; t0 < L; t0 += SPAN) {
    for (var s = 0u; s < SPAN; s++) {
      let t = t0 + s;
      var sums = vec2<f32>(0.0);
      if (t < L) {
        let lf = logSigmoid(fgate[t]);
        let m_new = max(lf + m, igate[t]);
        // (m − m_new) is exact for close values, so f' stays consistent with the stored m_new even
        // when m is in the hundreds (fl(lf + m) would drift by an ulp of m per token).
        let forget = exp((m - m_new) + lf);
        let input = exp(igate[t] - m_new);
        let v = input * V[t * dv + jc];
        for (var u = 0u; u < MAX_ROWS; u++) {
          let i = k + u * R;
          if (i < d) {
            let kh = K[t * d + i] * params.scale;
            C[u] = forget * C[u] + v * kh;
            n[u] = forget * n[u] + input * kh;
            let q = Q[t * d + i];
            sums += vec2<f32>(C[u] * q, n[u] * q);
          }
        }
        m = m_new;
      }
      partial[s][li] = sums;
      if (li == 0u) { stabilizer[s] = m; }
    }
    workgroupBarrier();
    // h_t for (token t0 + s, column c of the group): the R lanes' sums, then the normalizer.
    for (var o = li; o < SPAN * columns; o += LANES) {
      let s = o / columns;
      let c = o % columns;
      let t = t0 + s;
      let column = wid.x * columns + c;
      if (t < L && column < dv) {
        var total = vec2<f32>(0.0);
        for (var lane = 0u; lane < R; lane++) { total += partial[s][c * R + lane]; }
        Y[t * dv + column] = total.x / max(abs(total.y), exp(-stabilizer[s]));
      }
    }
    workgroupBarrier();
  }
  for (var u = 0u; u < MAX_ROWS; u++) {
    let i = k + u * R;
    if (i < d && j < dv) {
      Cmem[i * dv + j] = C[u];
      if (j == 0u) { nmem[i] = n[u]; }
    }
  }
}
