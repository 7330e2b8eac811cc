// Zeroes a carried state before the first chunk, so that every run starts from S = 0.

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> S: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let n = arrayLength(&S);
  if (gid.x < n && params.d > 0u) { S[gid.x] = 0.0; }
}
