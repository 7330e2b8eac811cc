// The affine scan h_i = a_i ⊙ h_{i−1} + b_i x_i, y_i = c_i · h_i (MIXERS.md §5, §6, §12), one
// invocation per state element (state row n, column) with the sequential loop over steps i. A
// workgroup of 64 holds 64/R columns, R lanes per column (the state rows rounded up to a power of
// two, at most 64), each lane ⌈rows/R⌉ ≤ 8 state rows in registers. Only the output needs the sum
// of the lanes' c·h partials, not the state, so the partials of 16 steps are parked in workgroup
// memory and summed together: two barriers per 16 steps instead of a tree reduction per step.
// The including file supplies, for step i (in its own order), column col and state row n:
//   fn scanDecay(i: u32, col: u32, n: u32) -> f32     fn scanX(i: u32, col: u32) -> f32
//   fn scanInput(i: u32, n: u32) -> f32               fn scanReadout(i: u32, n: u32) -> f32
//   fn scanOutput(i: u32, col: u32, y: f32)           (once per step and column: the lanes' sum)
//   fn scanFinal(n: u32, col: u32, h: f32)            (the state after the last step)
// Call from uniform control flow with steps, rows and columns uniform.

const LANES: u32 = 64u;
const MAX_ROWS: u32 = 8u;
const SPAN: u32 = 16u;

var<workgroup> partial: array<array<f32, 64>, 16>;

fn laneScan(group: u32, li: u32, steps: u32, rows: u32, columns: u32) {
  var R = 1u;
  while (R < rows && R < LANES) { R *= 2u; }
  let perGroup = LANES / R;
  let col = group * perGroup + li / R;
  let k = li % R;
  let cc = min(col, columns - 1u);
  var h: array<f32, 8>;
  for (var i0 = 0u; i0 < steps; i0 += SPAN) {
    for (var u = 0u; u < SPAN; u++) {
      let i = i0 + u;
      var y = 0.0;
      if (i < steps) {
        let x = scanX(i, cc);
        for (var m = 0u; m < MAX_ROWS; m++) {
          let n = k + m * R;
          if (n < rows) {
            h[m] = scanDecay(i, cc, n) * h[m] + scanInput(i, n) * x;
            y += h[m] * scanReadout(i, n);
          }
        }
      }
      partial[u][li] = y;
    }
    workgroupBarrier();
    // Output (step i0 + u, column c of the group) sums that column's R partials.
    for (var o = li; o < SPAN * perGroup; o += LANES) {
      let u = o / perGroup;
      let c = o % perGroup;
      let i = i0 + u;
      let column = group * perGroup + c;
      if (i < steps && column < columns) {
        var sum = 0.0;
        for (var lane = 0u; lane < R; lane++) { sum += partial[u][c * R + lane]; }
        scanOutput(i, column, sum);
      }
    }
    workgroupBarrier();
  }
  for (var m = 0u; m < MAX_ROWS; m++) {
    let n = k + m * R;
    if (n < rows && col < columns) { scanFinal(n, col, h[m]); }
  }
}
