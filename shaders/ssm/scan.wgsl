// Diagonal SSM scan (MIXERS.md §5): h_t[c,k] = Abar[t,c,k]·h_{t−1}[c,k] + B[t,k]·X[t,c],
// Y[t,c] = Σ_k C[t,k]·h_t[c,k]. One invocation per state element (c, k) with the sequential loop over
// t: a workgroup of 64 holds 64/R channels, R lanes (r rounded up to a power of two, at most 64) per
// channel, each lane ⌈r/R⌉ ≤ 8 states in registers. Only the output needs the sum over k of the
// C·h partials, so those of 16 tokens are parked in workgroup memory and summed together: two
// barriers per 16 tokens instead of a tree reduction per token. The final state is written to h (D×r).

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

const SPAN: u32 = 16u;

var<workgroup> partial: array<array<f32, 64>, 16>;

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
  let channels = LANES / R;
  for (var t0 = 0u; t0 < L; t0 += SPAN) {
    for (var u = 0u; u < SPAN; u++) {
      let t = t0 + u;
      var y = 0.0;
      if (t < L) {
        let x = X[t * D + cc];
        for (var m = 0u; m < MAX_STATES; m++) {
          let n = k + m * R;
          if (n < r) {
            state[m] = Abar[(t * D + cc) * r + n] * state[m] + B[t * r + n] * x;
            y += C[t * r + n] * state[m];
          }
        }
      }
      partial[u][li] = y;
    }
    workgroupBarrier();
    // Output (token t0 + u, channel j of the group) sums that channel's R partials.
    for (var o = li; o < SPAN * channels; o += LANES) {
      let u = o / channels;
      let j = o % channels;
      let t = t0 + u;
      let channel = wid.x * channels + j;
      if (t < L && channel < D) {
        var sum = 0.0;
        for (var lane = 0u; lane < R; lane++) { sum += partial[u][j * R + lane]; }
        Y[t * D + channel] = sum;
      }
    }
    workgroupBarrier();
  }
  for (var m = 0u; m < MAX_STATES; m++) {
    let n = k + m * R;
    if (n < r && c < D) { h[c * r + n] = state[m]; }
  }
}
