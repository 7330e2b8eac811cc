// Retention, recurrent form (MIXERS.md §3; simplified linear attention when λ = 1):
//   S_t = λ S_{t−1} + k_t v_tᵀ (d×dv),  y_t = q_tᵀ S_t.
// The recurrence is sequential in t; its parallelism is the d×dv state. A workgroup owns 64 columns
// j of S; invocation (g, j) carries rows i ≡ g (mod 4) of column j in the S buffer, and the four
// partial dot products meet in workgroup memory. q_t and k_t are staged in workgroup memory,
// double-buffered by the parity of t so that one barrier per half-step suffices. d ≤ 256.

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;
@group(0) @binding(5) var<storage, read_write> S: array<f32>;

var<workgroup> qs: array<array<f32, 256>, 2>;
var<workgroup> ks: array<array<f32, 256>, 2>;
var<workgroup> partial: array<array<f32, 64>, 4>;

@compute @workgroup_size(64, 4)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let lambda = exp2(params.log2_decay);
  let j = wid.x * 64u + lid.x;
  let g = lid.y;
  let live = j < dv;
  if (live) { for (var i = g; i < d; i += 4u) { S[i * dv + j] = 0.0; } }
  for (var t = 0u; t < L; t++) {
    let buf = t % 2u;
    if (li < d) {
      qs[buf][li] = Q[t * d + li];
      ks[buf][li] = K[t * d + li];
    }
    workgroupBarrier();
    var num = 0.0;
    if (live) {
      let v = V[t * dv + j];
      for (var i = g; i < d; i += 4u) {
        let s = lambda * S[i * dv + j] + ks[buf][i] * v;
        S[i * dv + j] = s;
        num += qs[buf][i] * s;
      }
    }
    partial[g][lid.x] = num;
    workgroupBarrier();
    if (g == 0u && live) { Y[t * dv + j] = partial[0][lid.x] + partial[1][lid.x] + partial[2][lid.x] + partial[3][lid.x]; }
  }
}
