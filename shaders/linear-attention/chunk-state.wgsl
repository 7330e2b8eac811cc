// Linear attention, chunked form, step 3 of chunk c = step.index: carry the state past the chunk,
//   S ← S + φK_cᵀ V_c (d×dv),  z ← z + Σ_s φ(k_{c0+s}),
// 16×16 tiles over (i, j), one entry of S per invocation; column-0 invocations of the first column
// of workgroups also update z.

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> phiK: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> S: array<f32>;
@group(0) @binding(4) var<storage, read_write> z: array<f32>;
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
  var ksum = 0.0;
  for (var s0 = 0u; s0 < len; s0 += TILE) {
    let s = s0 + lid.y;
    let rk = wid.y * TILE + lid.x;
    Ks[lid.y][lid.x] = select(0.0, phiK[(c0 + min(s, len - 1u)) * d + min(rk, d - 1u)], s < len && rk < d);
    Vs[lid.y][lid.x] = select(0.0, V[(c0 + min(s, len - 1u)) * dv + min(j, dv - 1u)], s < len && j < dv);
    workgroupBarrier();
    for (var x = 0u; x < TILE; x++) {
      acc += Ks[x][lid.y] * Vs[x][lid.x];
      ksum += Ks[x][lid.y];
    }
    workgroupBarrier();
  }
  if (r < d && j < dv) { S[r * dv + j] = S[r * dv + j] + acc; }
  if (r < d && wid.x == 0u && lid.x == 0u) { z[r] = z[r] + ksum; }
}
