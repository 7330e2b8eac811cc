// FNet, fft form (MIXERS.md §10), Bluestein tables for a length n that is not a power of two,
// convolution length m = 2^bits ≥ 2n − 1: the radix-2 twiddles of m (table[0, m)), the chirp
// c_k = e^{−πik²/n} (re at m + k, im at m + n + k; k² reduced mod 2n so the angle is exact) and, in
// the first transform of the work buffer in bit-reversed order, the filter b_j = c̄_j for |j| < n
// wrapped to length m, whose spectrum filter-store.wgsl keeps after the radix-2 stages.

#include "common/cis.wgsl"
#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> table: array<f32>;
@group(0) @binding(2) var<storage, read_write> work: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let n = lengthN();
  let m = lengthM();
  if (g >= m) { return; }
  if (g < m / 2u) {
    let w = cis(g, m);
    table[g] = w.x;
    table[m / 2u + g] = w.y;
  }
  if (g < n) {
    let c = cis((g * g) % (2u * n), 2u * n);
    table[m + g] = c.x;
    table[m + n + g] = -c.y;
  }
  // b_g = c̄_j with j = g for g < n, j = m − g for g > m − n, else 0.
  var b = vec2<f32>(0.0);
  let j = select(m - g, g, g < n);
  if (g < n || g > m - n) { b = cis((j * j) % (2u * n), 2u * n); }
  let r = reverse(g, bitsM());
  work[2u * r] = b.x;
  work[2u * r + 1u] = b.y;
}
