// FNet, fft form (MIXERS.md §10), Bluestein: keeps the filter spectrum (the first transform of the
// work buffer after its radix-2 stages) in the table, interleaved complex from m + 2n.

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> work: array<f32>;
@group(0) @binding(2) var<storage, read_write> table: array<f32>;

override AXIS: u32 = 0u;

/** Along d (AXIS 0: one transform per token) or along L (AXIS 1: one per channel). */
fn lengthN() -> u32 { return select(params.d, params.L, AXIS == 1u); }
fn lengthM() -> u32 { return select(params.md, params.mL, AXIS == 1u); }
fn bitsM() -> u32 { return select(params.bitsD, params.bitsL, AXIS == 1u); }
fn transforms() -> u32 { return select(params.L, params.d, AXIS == 1u); }

fn flatIndex(gid: vec3<u32>, groups: vec3<u32>) -> u32 {
  return gid.x + gid.y * groups.x * 64u;
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let m = lengthM();
  if (g >= m) { return; }
  let at = m + 2u * lengthN() + 2u * g;
  table[at] = work[2u * g];
  table[at + 1u] = work[2u * g + 1u];
}
