// SSD chunked form (MIXERS.md §6), stage 3: a scan over the chunks turns, in place, each chunk's own
// final state H_c into the state entering it: h_in(0) = 0, h_in(c+1) = exp(decay[end_c])·h_in(c) + H_c.
// One invocation per state element (n, p), the sequential loop over the L/Q chunks.

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> decay: array<f32>;
@group(0) @binding(2) var<storage, read_write> H: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let NP = params.N * params.P;
  let e = gid.x;
  if (e >= NP) { return; }
  let chunks = (params.L + params.chunk - 1u) / params.chunk;
  var carry = 0.0;
  for (var c = 0u; c < chunks; c++) {
    let own = H[c * NP + e];
    H[c * NP + e] = carry;
    carry = exp(decay[min(params.L, (c + 1u) * params.chunk) - 1u]) * carry + own;
  }
}
