// Retention, chunked form (MIXERS.md §3; λ = 1 gives simplified linear attention), step 2 of chunk
// c = step.index: with A the chunk's decayed block and S the state carried from earlier chunks,
//   y_{c0+i} = Σ_{s≤i} A[i,s] v_{c0+s} + λ^{i+1} q_{c0+i}ᵀ S.
// One tiled product over a joined inner index: [A | λ^{i+1} Q_c] · [V_c ; S], 16×16 tiles, one
// output per invocation.

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read> A: array<f32>;
@group(0) @binding(4) var<storage, read> S: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

const TILE: u32 = 16u;
var<workgroup> Ls: array<array<f32, 16>, 16>;
var<workgroup> Rs: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let W = min(params.chunk, L);
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, L - c0);
  let i0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  if (i0 >= len) { return; }
  let i = i0 + lid.y;
  let j = j0 + lid.x;
  let inner = len + d;
  var acc = 0.0;
  for (var k0 = 0u; k0 < inner; k0 += TILE) {
    // Left: row i0+lid.y, inner column k0+lid.x. Right: inner row k0+lid.y, column j0+lid.x.
    let kl = k0 + lid.x;
    let row = min(i, len - 1u);
    var left = 0.0;
    if (i < len && kl < len) {
      left = select(0.0, A[row * W + kl], kl <= i);
    } else if (i < len && kl < inner) {
      left = Q[(c0 + row) * d + (kl - len)] * exp2(f32(i + 1u) * params.log2_decay);
    }
    Ls[lid.y][lid.x] = left;
    let kr = k0 + lid.y;
    var right = 0.0;
    if (j < dv && kr < len) {
      right = V[(c0 + kr) * dv + j];
    } else if (j < dv && kr < inner) {
      right = S[(kr - len) * dv + j];
    }
    Rs[lid.y][lid.x] = right;
    workgroupBarrier();
    for (var x = 0u; x < TILE; x++) { acc += Ls[lid.y][x] * Rs[x][lid.x]; }
    workgroupBarrier();
  }
  if (i < len && j < dv) { Y[(c0 + i) * dv + j] = acc; }
}
