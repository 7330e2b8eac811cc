// Diagonal SSM, materialized form (MIXERS.md §5), pass 2 for channel c = step.index:
// Y[t,c] = Σ_{s≤t} M[t,s]·X[s,c]. One workgroup of 64 per row t, a strided partial sum and a
// tree reduction; only channel c's column of Y is written, all of Y over the D loop steps.

struct Params { L: u32, D: u32, r: u32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> M: array<f32>;
@group(0) @binding(2) var<storage, read> X: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let D = params.D;
  let c = step.index;
  let t = wid.x + wid.y * groups.x;
  if (t >= L) { return; }
  var sum = 0.0;
  for (var s = li; s <= t; s += 64u) { sum += M[t * L + s] * X[s * D + c]; }
  partial[li] = sum;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride /= 2u) {
    if (li < stride) { partial[li] += partial[li + stride]; }
    workgroupBarrier();
  }
  if (li == 0u) { Y[t * D + c] = partial[0]; }
}
