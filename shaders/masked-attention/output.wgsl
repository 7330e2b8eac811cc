// Four-step form, steps 3 and 4: Y[t,j] = Σ_i Q[t,i]·H[t,i,j]. One invocation per (t, j).

struct Params { L: u32, d: u32, dv: u32, mask: u32, lambda: f32, block: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> H: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let d = params.d;
  let dv = params.dv;
  let idx = gid.x + gid.y * groups.x * 256u;
  if (idx >= params.L * dv) { return; }
  let j = idx % dv;
  let t = idx / dv;
  var acc = 0.0;
  for (var i = 0u; i < d; i++) { acc += Q[t * d + i] * H[(t * d + i) * dv + j]; }
  Y[idx] = acc;
}
