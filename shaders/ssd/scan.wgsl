// SSD scan form (MIXERS.md §6): h_t = a_t·h_{t−1} + B_t X_tᵀ (N×P), Y_t = h_tᵀ C_t. One invocation per
// state element (n, p) with the sequential loop over t: a workgroup of 64 holds 64/R columns p, R
// lanes (N rounded up to a power of two, at most 64) per column, each lane ⌈N/R⌉ ≤ 8 state rows in
// registers. Per token the lanes' C_t·h partial sums are tree-reduced per column. The final state
// is written to h.

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<storage, read> B: array<f32>;
@group(0) @binding(4) var<storage, read> C: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;
@group(0) @binding(6) var<storage, read_write> h: array<f32>;

const LANES: u32 = 64u;
const MAX_ROWS: u32 = 8u;

var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let N = params.N;
  let P = params.P;
  var R = 1u;
  while (R < N && R < LANES) { R *= 2u; }
  let p = wid.x * (LANES / R) + li / R;
  let k = li % R;
  let pc = min(p, P - 1u);
  var state: array<f32, 8>;
  for (var t = 0u; t < L; t++) {
    let at = a[t];
    let x = X[t * P + pc];
    var y = 0.0;
    for (var m = 0u; m < MAX_ROWS; m++) {
      let n = k + m * R;
      if (n < N) {
        state[m] = at * state[m] + B[t * N + n] * x;
        y += state[m] * C[t * N + n];
      }
    }
    partial[li] = y;
    workgroupBarrier();
    for (var stride = R / 2u; stride > 0u; stride /= 2u) {
      if (k < stride) { partial[li] += partial[li + stride]; }
      workgroupBarrier();
    }
    if (k == 0u && p < P) { Y[t * P + p] = partial[li]; }
  }
  for (var m = 0u; m < MAX_ROWS; m++) {
    let n = k + m * R;
    if (n < N && p < P) { h[n * P + p] = state[m]; }
  }
}
