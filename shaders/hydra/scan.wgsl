// Hydra, two scans (MIXERS.md §12). With h_t = a_t h_{t−1} + B_t X_tᵀ (forward) and
// g_t = a_t g_{t+1} + B_t X_tᵀ (backward, the flipped SSD scan in original time),
//   Y_t = Dskip·X_t + C_{t−1}ᵀ h_{t−1} + C_{t+1}ᵀ g_{t+1}   (shift: no term at t = 0, resp. t = L−1).
// BACKWARD = 0 writes every Y_t as the skip plus the forward term; BACKWARD = 1 (the next dispatch)
// adds the backward term. One invocation per state element (n, p) with the sequential loop over t,
// laid out as in the SSD scan (R lanes per column p, ≤ 8 state rows each, the output partials of 16
// tokens summed together after one barrier). The final state goes to `state` (h, resp. g).

struct Params { L: u32, N: u32, P: u32, Dskip: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<storage, read> B: array<f32>;
@group(0) @binding(4) var<storage, read> C: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;
@group(0) @binding(6) var<storage, read_write> state: array<f32>;

override BACKWARD: u32 = 0u;

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
  if (BACKWARD == 0u && k == 0u && p < P) { Y[p] = params.Dskip * X[p]; }
  var h: array<f32, 8>;
  let columns = LANES / R;
  for (var i0 = 0u; i0 < L; i0 += SPAN) {
    for (var u = 0u; u < SPAN; u++) {
      let i = i0 + u;
      var y = 0.0;
      if (i < L) {
        let t = select(i, L - 1u - i, BACKWARD == 1u);
        let at = a[t];
        let x = X[t * P + pc];
        for (var m = 0u; m < MAX_ROWS; m++) {
          let n = k + m * R;
          if (n < N) {
            h[m] = at * h[m] + B[t * N + n] * x;
            y += h[m] * C[t * N + n];
          }
        }
      }
      partial[u][li] = y;
    }
    workgroupBarrier();
    // C_t·h_t (resp. C_t·g_t) of step i0 + u goes to row t + 1 (resp. t − 1).
    for (var o = li; o < SPAN * columns; o += LANES) {
      let u = o / columns;
      let c = o % columns;
      let i = i0 + u;
      let column = wid.x * columns + c;
      if (i < L && column < P) {
        var sum = 0.0;
        for (var lane = 0u; lane < R; lane++) { sum += partial[u][c * R + lane]; }
        let t = select(i, L - 1u - i, BACKWARD == 1u);
        if (BACKWARD == 0u && t + 1u < L) { Y[(t + 1u) * P + column] = params.Dskip * X[(t + 1u) * P + column] + sum; }
        if (BACKWARD == 1u && t >= 1u) { Y[(t - 1u) * P + column] += sum; }
      }
    }
    workgroupBarrier();
  }
  for (var m = 0u; m < MAX_ROWS; m++) {
    let n = k + m * R;
    if (n < N && p < P) { state[n * P + p] = h[m]; }
  }
}
