// Softmax attention, materialized form, pass 2: each row t of S over s ≤ t becomes
// exp(S[t,s] − m_t) / Σ_s exp(S[t,s] − m_t), in place. One workgroup of 256 per row, tree reductions
// for the max and the sum in workgroup memory.

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> S: array<f32>;

const WIDTH: u32 = 256u;
var<workgroup> partial: array<f32, 256>;

fn reduce(li: u32, is_max: bool) -> f32 {
  for (var stride = WIDTH / 2u; stride > 0u; stride /= 2u) {
    if (li < stride) {
      let other = partial[li + stride];
      partial[li] = select(partial[li] + other, max(partial[li], other), is_max);
    }
    workgroupBarrier();
  }
  let result = partial[0];
  workgroupBarrier();
  return result;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let t = wid.x + wid.y * groups.x;
  // Uniform per workgroup, so the early return keeps barriers in uniform control flow.
  if (t >= L) { return; }
  let row = t * L;
  var m = -3.0e38;
  for (var s = li; s <= t; s += WIDTH) { m = max(m, S[row + s]); }
  partial[li] = m;
  workgroupBarrier();
  m = reduce(li, true);
  var sum = 0.0;
  for (var s = li; s <= t; s += WIDTH) {
    let p = exp(S[row + s] - m);
    S[row + s] = p;
    sum += p;
  }
  partial[li] = sum;
  workgroupBarrier();
  let inv = 1.0 / reduce(li, false);
  for (var s = li; s <= t; s += WIDTH) { S[row + s] *= inv; }
}
