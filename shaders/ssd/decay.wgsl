// SSD chunked form (MIXERS.md §6), stage 0: decay[t] = Σ_{r=c0..t} log a_r within t's chunk (the
// listing's A_cumsum), so every later stage weighs by exp of a difference of these sums. One
// invocation per chunk, the running sum over its ≤ Q tokens.

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> decay: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c0 = gid.x * params.chunk;
  if (c0 >= params.L) { return; }
  let end = min(params.L, c0 + params.chunk);
  var sum = 0.0;
  for (var t = c0; t < end; t++) {
    sum += log(a[t]);
    decay[t] = sum;
  }
}
