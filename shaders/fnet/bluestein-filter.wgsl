// FNet, fft form (MIXERS.md §10), Bluestein: the convolution's pointwise product with the filter
// spectrum, conjugated (the inverse transform is conj ∘ FFT ∘ conj) and put into bit-reversed order
// in place for the next radix-2 stages: the lower index of each swapped pair moves both.

#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> table: array<f32>;
@group(0) @binding(2) var<storage, read_write> work: array<f32>;

fn filtered(m: u32, n: u32, b: u32, i: u32) -> vec2<f32> {
  let w = vec2<f32>(work[2u * (b * m + i)], work[2u * (b * m + i) + 1u]);
  let f = vec2<f32>(table[m + 2u * n + 2u * i], table[m + 2u * n + 2u * i + 1u]);
  return vec2<f32>(w.x * f.x - w.y * f.y, -(w.x * f.y + w.y * f.x));
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let n = lengthN();
  let m = lengthM();
  if (g >= transforms() * m) { return; }
  let b = g / m;
  let i = g % m;
  let j = reverse(i, bitsM());
  if (i > j) { return; }
  let at = b * m;
  let wi = filtered(m, n, b, i);
  let wj = filtered(m, n, b, j);
  work[2u * (at + j)] = wi.x;
  work[2u * (at + j) + 1u] = wi.y;
  work[2u * (at + i)] = wj.x;
  work[2u * (at + i) + 1u] = wj.y;
}
