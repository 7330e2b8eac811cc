// Chunked forms (MIXERS.md §2, §3), step 1 of chunk c = step.index: the chunk's causal block
//   A[i,s] = x_{c0+i}·y_{c0+s} · λ^{i−s}   for s ≤ i < len (c0 = c·chunk, len = the chunk's length),
// into one W×W buffer (W = min(chunk, L)) reused by every chunk. λ = 2^{log2_decay}.
// 16×16 tiles, one entry per invocation, X and Y rows through workgroup memory.

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> Yk: array<f32>;
@group(0) @binding(3) var<storage, read_write> A: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

const TILE: u32 = 16u;
var<workgroup> Xs: array<array<f32, 16>, 16>;
var<workgroup> Ys: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let W = min(params.chunk, L);
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, L - c0);
  let i0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > i0 + TILE - 1u || i0 >= len) { return; }
  let i = i0 + lid.y;
  let s = s0 + lid.x;
  var dot = 0.0;
  for (var k0 = 0u; k0 < d; k0 += TILE) {
    let k = k0 + lid.x;
    let row_x = i0 + lid.y;
    let row_y = s0 + lid.y;
    Xs[lid.x][lid.y] = select(0.0, X[(c0 + min(row_x, len - 1u)) * d + min(k, d - 1u)], row_x < len && k < d);
    Ys[lid.x][lid.y] = select(0.0, Yk[(c0 + min(row_y, len - 1u)) * d + min(k, d - 1u)], row_y < len && k < d);
    workgroupBarrier();
    for (var x = 0u; x < TILE; x++) { dot += Xs[x][lid.y] * Ys[x][lid.x]; }
    workgroupBarrier();
  }
  if (i < len && s <= i) { A[i * W + s] = dot * exp2(f32(i - s) * params.log2_decay); }
}
