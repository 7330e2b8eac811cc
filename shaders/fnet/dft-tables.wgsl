// FNet, dense DFT form (MIXERS.md §10), pass 1: the two DFT matrices, laid out so that both
// products are plain row-major matrix products (dft-hidden.wgsl, dft-sequence.wgsl):
//   F_d[c, j] = cos(2πcj/d), F_d[c, d + j] = −sin(2πcj/d)        (d × 2d: Z = X·F_d = [Re | Im] per row),
//   F_L[t, 2s] = cos(2πts/L), F_L[t, 2s + 1] = sin(2πts/L)     (L × 2L: Y = F_L·Z, Z seen as 2L × d).
// Products are reduced mod d and mod L in integers first, so every angle is exact. One invocation
// per matrix entry.

#include "common/cis.wgsl"

struct Params { L: u32, d: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> Fd: array<f32>;
@group(0) @binding(2) var<storage, read_write> FL: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let g = gid.x + gid.y * groups.x * 64u;
  if (g < d * d) {
    let c = g / d;
    let j = g % d;
    let w = cis((c * j) % d, d);
    Fd[c * 2u * d + j] = w.x;
    Fd[c * 2u * d + d + j] = -w.y;
    return;
  }
  let h = g - d * d;
  if (h < L * L) {
    let t = h / L;
    let s = h % L;
    let w = cis((t * s) % L, L);
    FL[t * 2u * L + 2u * s] = w.x;
    FL[t * 2u * L + 2u * s + 1u] = w.y;
  }
}
