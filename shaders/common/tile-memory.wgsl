// The register-blocked tile of the matmul-shaped kernels: a 16×16 workgroup computes a 64×64 tile,
// 4×4 per invocation, the two operands streaming through workgroup memory 16 of the inner index at
// a time (As[inner][row], Bs[inner][col]).

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> As: array<array<f32, 64>, 16>;
var<workgroup> Bs: array<array<f32, 64>, 16>;
