// FNet, fft form (MIXERS.md §10), Bluestein: w_k = x_k·c_k for k < n, 0 up to m, in bit-reversed
// order, for every transform of the axis: AXIS 0 takes rows of X (real), AXIS 1 columns of Z.

#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> source: array<f32>;
@group(0) @binding(2) var<storage, read> table: array<f32>;
@group(0) @binding(3) var<storage, read_write> work: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let n = lengthN();
  let m = lengthM();
  if (g >= transforms() * m) { return; }
  let b = g / m;
  let k = g % m;
  var w = vec2<f32>(0.0);
  if (k < n) {
    var x = vec2<f32>(0.0);
    if (AXIS == 0u) { x.x = source[b * params.d + k]; } else {
      let at = 2u * (k * params.d + b);
      x = vec2<f32>(source[at], source[at + 1u]);
    }
    let c = vec2<f32>(table[m + k], table[m + n + k]);
    w = vec2<f32>(x.x * c.x - x.y * c.y, x.x * c.y + x.y * c.x);
  }
  let at = 2u * (b * m + reverse(k, bitsM()));
  work[at] = w.x;
  work[at + 1u] = w.y;
}
