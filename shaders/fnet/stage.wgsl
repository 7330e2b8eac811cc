// FNet, fft form (MIXERS.md §10): one radix-2 decimation-in-time stage (step.index = s, butterflies
// of span 2^s) over a batch of power-of-two transforms whose input was put in bit-reversed order:
//   u' = u + w·v, v' = u − w·v, w = e^{−2πi·pos/2^{s+1}} from the twiddle table of length m.
// One invocation per butterfly, in place (each butterfly owns its two entries in a stage). MODE
// picks the batch: 0 rows of Z (length d), 1 columns of Z (length L), 2 and 3 the Bluestein work
// rows (L transforms of md, d of mL), 4 and 5 the first work transform alone (the filter).

#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> data: array<f32>;
@group(0) @binding(2) var<storage, read> table: array<f32>;
struct Step { index: u32 }
@group(1) @binding(0) var<uniform> step: Step;

override MODE: u32 = 0u;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let axis = MODE % 2u;
  let m = select(params.md, params.mL, axis == 1u);
  let count = select(select(params.L, params.d, axis == 1u), 1u, MODE >= 4u);
  let halfM = m / 2u;
  if (g >= count * halfM) { return; }
  let b = g / halfM;
  let q = g % halfM;
  let span = 1u << step.index;
  let pos = q % span;
  let e0 = (q / span) * 2u * span + pos;
  let e1 = e0 + span;
  // Complex index of element e of transform b.
  var a0 = b * m + e0;
  var a1 = b * m + e1;
  if (MODE == 0u) { a0 = b * params.d + e0; a1 = b * params.d + e1; }
  if (MODE == 1u) { a0 = e0 * params.d + b; a1 = e1 * params.d + b; }
  let ti = pos * (m / (2u * span));
  let w = vec2<f32>(table[ti], -table[halfM + ti]);
  let u = vec2<f32>(data[2u * a0], data[2u * a0 + 1u]);
  let v = vec2<f32>(data[2u * a1], data[2u * a1 + 1u]);
  let t = vec2<f32>(w.x * v.x - w.y * v.y, w.x * v.y + w.y * v.x);
  data[2u * a0] = u.x + t.x;
  data[2u * a0 + 1u] = u.y + t.y;
  data[2u * a1] = u.x - t.x;
  data[2u * a1 + 1u] = u.y - t.y;
}
