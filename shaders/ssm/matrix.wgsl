// Diagonal SSM, materialized form (MIXERS.md §5), pass 1 for channel c = step.index: the L×L
// semiseparable matrix M_ts = Σ_k C[t,k]·(Abar[t,c,k]·…·Abar[s+1,c,k])·B[s,k] for s ≤ t. One
// invocation per column s keeps the r running decay products in registers and walks t downwards
// from its workgroup's first column, so the 64 lanes read the same row of C and Abar and write
// adjacent entries of M. Entries s > t are never written or read.

struct Params { L: u32, D: u32, r: u32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Abar: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> C: array<f32>;
@group(0) @binding(4) var<storage, read_write> M: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

const MAX_R: u32 = 64u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let D = params.D;
  let r = params.r;
  let c = step.index;
  let s0 = (wid.x + wid.y * groups.x) * 64u;
  let s = s0 + li;
  if (s0 >= L) { return; }
  var decay: array<f32, 64>;
  var b: array<f32, 64>;
  for (var k = 0u; k < MAX_R; k++) {
    decay[k] = 1.0;
    b[k] = select(0.0, B[min(s, L - 1u) * r + min(k, r - 1u)], k < r);
  }
  for (var t = s0; t < L; t++) {
    if (t > s) {
      for (var k = 0u; k < r && k < MAX_R; k++) { decay[k] *= Abar[(t * D + c) * r + k]; }
    }
    var m = 0.0;
    for (var k = 0u; k < r && k < MAX_R; k++) { m += C[t * r + k] * decay[k] * b[k]; }
    if (s < L && t >= s) { M[t * L + s] = m; }
  }
}
