// Retention, chunked form, step 3 of chunk c = step.index: carry the state past the chunk,
//   S ← λ^{len} S + Σ_{s<len} λ^{len−1−s} k_{c0+s} v_{c0+s}ᵀ,
// a d×dv product Kᵀ·V over the chunk's rows, 16×16 tiles, one entry of S per invocation.

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> K: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> S: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

const TILE: u32 = 16u;
var<workgroup> Ks: array<array<f32, 16>, 16>;
var<workgroup> Vs: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, L - c0);
  let r = wid.y * TILE + lid.y;
  let j = wid.x * TILE + lid.x;
  var acc = 0.0;
  for (var s0 = 0u; s0 < len; s0 += TILE) {
    // Ks[s][r] = λ^{len−1−s} k_{c0+s}[r], Vs[s][j] = v_{c0+s}[j].
    let s = s0 + lid.y;
    let rk = wid.y * TILE + lid.x;
    Ks[lid.y][lid.x] = select(0.0, K[(c0 + min(s, len - 1u)) * d + min(rk, d - 1u)] * exp2(f32(len - 1u - min(s, len - 1u)) * params.log2_decay), s < len && rk < d);
    Vs[lid.y][lid.x] = select(0.0, V[(c0 + min(s, len - 1u)) * dv + min(j, dv - 1u)], s < len && j < dv);
    workgroupBarrier();
    for (var x = 0u; x < TILE; x++) { acc += Ks[x][lid.y] * Vs[x][lid.x]; }
    workgroupBarrier();
  }
  if (r < d && j < dv) { S[r * dv + j] = exp2(f32(len) * params.log2_decay) * S[r * dv + j] + acc; }
}
