// SSD scan form (MIXERS.md §6): h_t = a_t·h_{t−1} + B_t X_tᵀ (N×P), Y_t = h_tᵀ C_t. Two entry
// points, chosen per device (scan-config.ts): `main`, one invocation per state element (n, p) laid
// out as in common/lane-scan.wgsl (R lanes per column p, ≤ 8 state rows each), sequential over t;
// `segmented`, the same scan parallel across t (common/segment-scan.wgsl, one workgroup per
// column p). The final state is written to h.

#include "common/lane-scan.wgsl"
#include "common/segment-scan.wgsl"

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<storage, read> B: array<f32>;
@group(0) @binding(4) var<storage, read> C: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;
@group(0) @binding(6) var<storage, read_write> h: array<f32>;

fn scanDecay(t: u32, p: u32, n: u32) -> f32 { return a[t]; }
fn scanX(t: u32, p: u32) -> f32 { return X[t * params.P + p]; }
fn scanInput(t: u32, n: u32) -> f32 { return B[t * params.N + n]; }
fn scanReadout(t: u32, n: u32) -> f32 { return C[t * params.N + n]; }
fn scanOutput(t: u32, p: u32, y: f32) { Y[t * params.P + p] = y; }
fn scanFinal(n: u32, p: u32, state: f32) { h[n * params.P + p] = state; }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  laneScan(wid.x, li, params.L, params.N, params.P);
}

@compute @workgroup_size(256)
fn segmented(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  segmentScan(wid.x, li, params.L, params.N, params.P);
}
