// The register-blocked tile of the matmul-shaped kernels: a workgroup computes a 64×64 tile of
// outputs, each invocation a MICRO_M×4 micro-tile held as MICRO_M vec4 accumulators. Both operands
// stream through workgroup memory DEPTH of the inner index at a time, packed as vec4 along the
// tile's rows (As[inner][row / 4]) and columns (Bs[inner][col / 4]), so one step of the inner loop
// is MICRO_M / 4 + 1 vec4 loads from workgroup memory for 4·MICRO_M multiply-adds.
// Overridable per pipeline (the autotuner's configurations; plans/matmul-config.ts):
//   MICRO_M  4 or 8 rows per invocation  → workgroup WG_X × WG_Y = 16 × (64 / MICRO_M)
//   DEPTH    8, 16 or 32 of the inner index per stage (2·DEPTH·64·4 bytes of workgroup memory)
// An entry point declares @workgroup_size(WG_X, WG_Y).

const TILE: u32 = 64u;
const TILE4: u32 = 16u;
const MICRO_N: u32 = 4u;

override MICRO_M: u32 = 4u;
override DEPTH: u32 = 16u;
override WG_X: u32 = 16u;
override WG_Y: u32 = TILE / MICRO_M;
override WG_SIZE: u32 = WG_X * WG_Y;

var<workgroup> As: array<array<vec4<f32>, TILE4>, DEPTH>;
var<workgroup> Bs: array<array<vec4<f32>, TILE4>, DEPTH>;

/** acc[r] = outputs (row lid.y·MICRO_M + r, columns lid.x·4 … +3) of the tile; at most 8 rows. */
alias MicroTile = array<vec4<f32>, 8>;

/** One stage of the inner product: acc += As·Bs over DEPTH, from vec4 loads of workgroup memory. */
fn microTileStage(acc: ptr<function, MicroTile>, lid: vec3<u32>) {
  let rows4 = lid.y * (MICRO_M / 4u);
  for (var k = 0u; k < DEPTH; k++) {
    let b = Bs[k][lid.x];
    for (var g = 0u; g < MICRO_M / 4u; g++) {
      let a = As[k][rows4 + g];
      (*acc)[4u * g] += a.x * b;
      (*acc)[4u * g + 1u] += a.y * b;
      (*acc)[4u * g + 2u] += a.z * b;
      (*acc)[4u * g + 3u] += a.w * b;
    }
  }
}
