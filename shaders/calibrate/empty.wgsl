// The harness-overhead probe: one workgroup that does nothing, so a timed run measures only
// submission, synchronisation and timestamp readback.

struct Params { N: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> sink: array<f32>;

@compute @workgroup_size(1)
fn main() {
  if (params.N == 0xffffffffu) { sink[0] = 0.0; }
}
