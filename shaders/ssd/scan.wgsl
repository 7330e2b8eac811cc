// SSD scan form (MIXERS.md §6): h_t = a_t·h_{t−1} + B_t X_tᵀ (N×P), Y_t = h_tᵀ C_t. One invocation per
// state element (n, p) with the sequential loop over t: a workgroup of 64 holds 64/R columns p, R
// lanes (N rounded up to a power of two, at most 64) per column, each lane ⌈N/R⌉ ≤ 8 state rows in
// registers. The output needs the sum of the lanes' C_t·h partials, but the state does not, so the
// partials of 16 tokens are parked in workgroup memory and summed together: two barriers per 16
// tokens instead of a tree reduction per token. The final state is written to h.

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

const SPAN: u32 = 16u;

var<workgroup> partial: array<array<f32, 64>, 16>;

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
  let columns = LANES / R;
  for (var t0 = 0u; t0 < L; t0 += SPAN) {
    for (var u = 0u; u < SPAN; u++) {
      let t = t0 + u;
      var y = 0.0;
      if (t < L) {
        let at = a[t];
        let x = X[t * P + pc];
        for (var m = 0u; m < MAX_ROWS; m++) {
          let n = k + m * R;
          if (n < N) {
            state[m] = at * state[m] + B[t * N + n] * x;
            y += state[m] * C[t * N + n];
          }
        }
      }
      partial[u][li] = y;
    }
    workgroupBarrier();
    // Output (token t0 + u, column c) sums the R partials of column c.
    for (var o = li; o < SPAN * columns; o += LANES) {
      let u = o / columns;
      let c = o % columns;
      let t = t0 + u;
      let column = wid.x * columns + c;
      if (t < L && column < P) {
        var sum = 0.0;
        for (var lane = 0u; lane < R; lane++) { sum += partial[u][c * R + lane]; }
        Y[t * P + column] = sum;
      }
    }
    workgroupBarrier();
  }
  for (var m = 0u; m < MAX_ROWS; m++) {
    let n = k + m * R;
    if (n < N && p < P) { h[n * P + p] = state[m]; }
  }
}
