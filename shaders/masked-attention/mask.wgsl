// Structured-mask attention, quadratic form (MIXERS.md §4), step 1: the L×L mask
//   M[t,s] = g_{s+1}·…·g_t for s ≤ t, with g ≡ 1 (causal, mask 0), λ (decay, mask 1: λ^{t−s}
//   computed directly as 2^{(t−s)·log2 λ}) or a_t (selective, mask 2: a running product).
// One invocation per column s walking t upward, so that a step's writes M[t, s..] are contiguous.
// For masks 0 and 1 the gate buffer a is absent and another read-only buffer stands in, never read.

struct Params { L: u32, d: u32, dv: u32, mask: u32, lambda: f32, block: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> M: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let L = params.L;
  let s = gid.x + gid.y * groups.x * 256u;
  if (s >= L) { return; }
  let log2_lambda = log2(params.lambda);
  var product = 1.0;
  for (var t = s; t < L; t++) {
    if (t > s && params.mask == 2u) { product *= a[t]; }
    var m = product;
    if (params.mask == 1u) { m = exp2(f32(t - s) * log2_lambda); }
    M[t * L + s] = m;
  }
}
