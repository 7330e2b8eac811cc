// Calibration: C = A·B for N×N float32 matrices through the same register-blocked tile as the
// matmul-shaped stages (common/tiled-matmul.wgsl, with the pipeline's MICRO_M and DEPTH), so its
// rate is the ceiling those kernels can reach; the autotuner times and checks its configurations
// here too. N need not be a multiple of 64.

#include "common/tiled-matmul.wgsl"

struct Params { N: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read_write> C: array<f32>;

fn matmulA(row: u32, inner: u32) -> f32 { return A[row * params.N + inner]; }
fn matmulB(inner: u32, col: u32) -> f32 { return B[inner * params.N + col]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let N = params.N;
  let r0 = wid.y * TILE;
  let c0 = wid.x * TILE;
  let tile = tiledMatmul(N, N, N, r0, c0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let row = r0 + lid.y * MICRO_M + r;
    for (var q = 0u; q < MICRO_N; q++) {
      let col = c0 + lid.x * MICRO_N + q;
      if (row < N && col < N) { C[row * N + col] = tile.acc[r][q]; }
    }
  }
}
