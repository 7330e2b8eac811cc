// TTT-linear, recurrent form (MIXERS.md §8): W_t = W_{t−1} − η (W_{t−1}k_t − v_t) k_tᵀ, Y_t = W_t q_t,
// W_0 = 0 (dv×d). Each row j of W evolves on its own: with e = W_{t−1}[j]·k_t − v_t[j],
// W_t[j] = W_{t−1}[j] − η e k_t and Y_t[j] = W_{t−1}[j]·q_t − η e (k_t·q_t). One invocation per
// weight (j, i) with the sequential loop over t: a workgroup of 64 holds 64/R rows j, R lanes (d
// rounded up to a power of two, at most 64) per row, each lane ⌈d/R⌉ ≤ 16 weights in registers;
// per token one tree reduction gives (W k, W q, k·q). The final W and residuals e are written out.

struct Params { L: u32, d: u32, dv: u32, eta: f32, batch: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;
@group(0) @binding(5) var<storage, read_write> W: array<f32>;
@group(0) @binding(6) var<storage, read_write> residual: array<f32>;

const LANES: u32 = 64u;
const MAX_COLS: u32 = 16u;

var<workgroup> partial: array<vec3<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let eta = params.eta;
  var R = 1u;
  while (R < d && R < LANES) { R *= 2u; }
  let j = wid.x * (LANES / R) + li / R;
  let k = li % R;
  let head = li - k;
  let jc = min(j, dv - 1u);
  var w: array<f32, 16>;
  var e = 0.0;
  for (var t = 0u; t < L; t++) {
    var sums = vec3<f32>(0.0);
    for (var u = 0u; u < MAX_COLS; u++) {
      let i = k + u * R;
      if (i < d) {
        let key = K[t * d + i];
        let query = Q[t * d + i];
        sums += vec3<f32>(w[u] * key, w[u] * query, key * query);
      }
    }
    partial[li] = sums;
    workgroupBarrier();
    for (var stride = R / 2u; stride > 0u; stride /= 2u) {
      if (k < stride) { partial[li] += partial[li + stride]; }
      workgroupBarrier();
    }
    let total = partial[head];
    workgroupBarrier();
    e = total.x - V[t * dv + jc];
    for (var u = 0u; u < MAX_COLS; u++) {
      let i = k + u * R;
      if (i < d) { w[u] -= eta * e * K[t * d + i]; }
    }
    if (k == 0u && j < dv) { Y[t * dv + j] = total.y - eta * e * total.z; }
  }
  if (j < dv) {
    for (var u = 0u; u < MAX_COLS; u++) {
      let i = k + u * R;
      if (i < d) { W[j * d + i] = w[u]; }
    }
    if (k == 0u) { residual[j] = e; }
  }
}
