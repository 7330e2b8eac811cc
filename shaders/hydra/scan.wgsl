// Hydra, two scans (MIXERS.md §12). With h_t = a_t h_{t−1} + B_t X_tᵀ (forward) and
// g_t = a_t g_{t+1} + B_t X_tᵀ (backward, the flipped SSD scan in original time),
//   Y_t = Dskip·X_t + C_{t−1}ᵀ h_{t−1} + C_{t+1}ᵀ g_{t+1}   (shift: no term at t = 0, resp. t = L−1).
// BACKWARD = 0 writes every Y_t as the skip plus the forward term; BACKWARD = 1 (the next dispatch)
// adds the backward term. Step i is token i forward, L − 1 − i backward. Two entry points, chosen
// per device (scan-config.ts): `main`, one invocation per state element (n, p) laid out as in
// common/lane-scan.wgsl, sequential over the steps; `segmented`, parallel across them
// (common/segment-scan.wgsl, one workgroup per column p). The final state goes to `state` (h,
// resp. g).

#include "common/lane-scan.wgsl"
#include "common/segment-scan.wgsl"

struct Params { L: u32, N: u32, P: u32, Dskip: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<storage, read> B: array<f32>;
@group(0) @binding(4) var<storage, read> C: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;
@group(0) @binding(6) var<storage, read_write> state: array<f32>;

override BACKWARD: u32 = 0u;

fn token(i: u32) -> u32 { return select(i, params.L - 1u - i, BACKWARD == 1u); }

fn scanDecay(i: u32, p: u32, n: u32) -> f32 { return a[token(i)]; }
fn scanX(i: u32, p: u32) -> f32 { return X[token(i) * params.P + p]; }
fn scanInput(i: u32, n: u32) -> f32 { return B[token(i) * params.N + n]; }
fn scanReadout(i: u32, n: u32) -> f32 { return C[token(i) * params.N + n]; }
fn scanFinal(n: u32, p: u32, h: f32) { state[n * params.P + p] = h; }

/** C_t·h_t (resp. C_t·g_t) goes to row t + 1 (resp. t − 1); the forward pass also writes row 0. */
fn scanOutput(i: u32, p: u32, y: f32) {
  let P = params.P;
  let t = token(i);
  if (BACKWARD == 0u && i == 0u) { Y[p] = params.Dskip * X[p]; }
  if (BACKWARD == 0u && t + 1u < params.L) { Y[(t + 1u) * P + p] = params.Dskip * X[(t + 1u) * P + p] + y; }
  if (BACKWARD == 1u && t >= 1u) { Y[(t - 1u) * P + p] += y; }
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  laneScan(wid.x, li, params.L, params.N, params.P);
}

@compute @workgroup_size(256)
fn segmented(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  segmentScan(wid.x, li, params.L, params.N, params.P);
}
