// Diagonal SSM scan (MIXERS.md §5): h_t[c,k] = Abar[t,c,k]·h_{t−1}[c,k] + B[t,k]·X[t,c],
// Y[t,c] = Σ_k C[t,k]·h_t[c,k]. Two entry points, chosen per device (scan-config.ts): `main`, one
// invocation per state element (c, k) laid out as in common/lane-scan.wgsl (R lanes per channel c,
// ≤ 8 states each), sequential over t; `segmented`, parallel across t (common/segment-scan.wgsl,
// one workgroup per channel). The final state is written to h (D×r).

#include "common/lane-scan.wgsl"
#include "common/segment-scan.wgsl"

struct Params { L: u32, D: u32, r: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> Abar: array<f32>;
@group(0) @binding(3) var<storage, read> B: array<f32>;
@group(0) @binding(4) var<storage, read> C: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;
@group(0) @binding(6) var<storage, read_write> h: array<f32>;

fn scanDecay(t: u32, c: u32, k: u32) -> f32 { return Abar[(t * params.D + c) * params.r + k]; }
fn scanX(t: u32, c: u32) -> f32 { return X[t * params.D + c]; }
fn scanInput(t: u32, k: u32) -> f32 { return B[t * params.r + k]; }
fn scanReadout(t: u32, k: u32) -> f32 { return C[t * params.r + k]; }
fn scanOutput(t: u32, c: u32, y: f32) { Y[t * params.D + c] = y; }
fn scanFinal(k: u32, c: u32, state: f32) { h[c * params.r + k] = state; }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  laneScan(wid.x, li, params.L, params.r, params.D);
}

@compute @workgroup_size(256)
fn segmented(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  segmentScan(wid.x, li, params.L, params.r, params.D);
}
