// Linear attention, recurrent form (MIXERS.md §2), φ = elu + 1:
//   S_t = S_{t−1} + φ(k_t) v_tᵀ,  z_t = z_{t−1} + φ(k_t),  y_t = φ(q_t)ᵀ S_t / φ(q_t)ᵀ z_t.
// Sequential in t, parallel over the d×dv state: a workgroup owns 64 columns j of S; invocation
// (g, j) carries rows i ≡ g (mod 4) of column j in the S buffer. φ(q_t), φ(k_t) and z are staged in
// workgroup memory, double-buffered by the parity of t. z is written to its buffer at the end. d ≤ 256.

#include "common/phi.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;
@group(0) @binding(5) var<storage, read_write> S: array<f32>;
@group(0) @binding(6) var<storage, read_write> z: array<f32>;

var<workgroup> qs: array<array<f32, 256>, 2>;
var<workgroup> ks: array<array<f32, 256>, 2>;
var<workgroup> zs: array<array<f32, 256>, 2>;
var<workgroup> num_part: array<array<f32, 64>, 4>;
var<workgroup> den_part: array<array<f32, 64>, 4>;

@compute @workgroup_size(64, 4)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let j = wid.x * 64u + lid.x;
  let g = lid.y;
  let live = j < dv;
  if (live) { for (var i = g; i < d; i += 4u) { S[i * dv + j] = 0.0; } }
  if (li < d) { zs[1][li] = 0.0; }
  for (var t = 0u; t < L; t++) {
    let buf = t % 2u;
    if (li < d) {
      let k = phi(K[t * d + li]);
      qs[buf][li] = phi(Q[t * d + li]);
      ks[buf][li] = k;
      zs[buf][li] = zs[1u - buf][li] + k;
    }
    workgroupBarrier();
    var num = 0.0;
    var den = 0.0;
    if (live) {
      let v = V[t * dv + j];
      for (var i = g; i < d; i += 4u) {
        let s = S[i * dv + j] + ks[buf][i] * v;
        S[i * dv + j] = s;
        num += qs[buf][i] * s;
        den += qs[buf][i] * zs[buf][i];
      }
    }
    num_part[g][lid.x] = num;
    den_part[g][lid.x] = den;
    workgroupBarrier();
    if (g == 0u && live) {
      let n = num_part[0][lid.x] + num_part[1][lid.x] + num_part[2][lid.x] + num_part[3][lid.x];
      let m = den_part[0][lid.x] + den_part[1][lid.x] + den_part[2][lid.x] + den_part[3][lid.x];
      Y[t * dv + j] = n / m;
    }
  }
  if (wid.x == 0u && li < d && L > 0u) { z[li] = zs[(L - 1u) % 2u][li]; }
}
