// FNet, fft form (MIXERS.md §10), Bluestein: X_k = c_k·conj(W_k)/m for k < n, W the forward
// transform of the conjugated product. AXIS 0 writes rows of Z (complex), AXIS 1 the real part into
// columns of Y.

#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> table: array<f32>;
@group(0) @binding(2) var<storage, read> work: array<f32>;
@group(0) @binding(3) var<storage, read_write> destination: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let n = lengthN();
  let m = lengthM();
  if (g >= transforms() * n) { return; }
  let b = g / n;
  let k = g % n;
  let v = vec2<f32>(work[2u * (b * m + k)], -work[2u * (b * m + k) + 1u]) / f32(m);
  let c = vec2<f32>(table[m + k], table[m + n + k]);
  let x = vec2<f32>(v.x * c.x - v.y * c.y, v.x * c.y + v.y * c.x);
  if (AXIS == 0u) {
    let at = 2u * (b * params.d + k);
    destination[at] = x.x;
    destination[at + 1u] = x.y;
  } else {
    destination[k * params.d + b] = x.x;
  }
}
