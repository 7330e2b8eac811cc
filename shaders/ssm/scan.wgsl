// Diagonal SSM scan (MIXERS.md §5): h_t[c,k] = Abar[t,c,k]·h_{t−1}[c,k] + B[t,k]·X[t,c],
// Y[t,c] = Σ_k C[t,k]·h_t[c,k]. One invocation per state element (c, k) with the sequential loop over
// t: a workgroup of 64 holds 64/R channels, R lanes (r rounded up to a power of two, at most 64) per
// channel, each lane ⌈r/R⌉ ≤ 8 states in registers; per token the C·h partial sums are tree-reduced
// per channel. The final state is written to h (D×r).

struct Params { L: u32, D: u32, r: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> Abar: array<f32>;
@group(0) @binding(3) var<storage, read> B: array<f32>;
@group(0) @binding(4) var<storage, read> C: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;
@group(0) @binding(6) var<storage, read_write> h: array<f32>;

const LANES: u32 = 64u;
const MAX_STATES: u32 = 8u;

var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let D = params.D;
  let r = params.r;
  var R = 1u;
  while (R < r && R < LANES) { R *= 2u; }
  let c = wid.x * (LANES / R) + li / R;
  let k = li % R;
  let cc = min(c, D - 1u);
  var state: array<f32, 8>;
  for (var t = 0u; t < L; t++) {
    let x = X[t * D + cc];
    var y = 0.0;
    for (var m = 0u; m < MAX_STATES; m++) {
      let n = k + m * R;
      if (n < r) {
        state[m] = Abar[(t * D + cc) * r + n] * state[m] + B[t * r + n] * x;
        y += C[t * r + n] * state[m];
      }
    }
    partial[li] = y;
    workgroupBarrier();
    for (var stride = R / 2u; stride > 0u; stride /= 2u) {
      if (k < stride) { partial[li] += partial[li + stride]; }
      workgroupBarrier();
    }
    if (k == 0u && c < D) { Y[t * D + c] = partial[li]; }
  }
  for (var m = 0u; m < MAX_STATES; m++) {
    let n = k + m * R;
    if (n < r && c < D) { h[c * r + n] = state[m]; }
  }
}
