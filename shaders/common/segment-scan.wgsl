// The affine scan of common/lane-scan.wgsl (h_i = a_i ⊙ h_{i−1} + b_i x_i, y_i = c_i · h_i;
// MIXERS.md §5, §6, §12) parallel across the steps, as a blocked scan: one workgroup of 256 per
// column, R lanes (the state rows rounded up to a power of two, at most 64; each lane ⌈rows/R⌉ ≤ 8
// rows in registers) times G = 256/R segments of ⌈steps/G⌉ consecutive steps.
//   1. Each invocation scans its segment from a zero state, keeping the segment's affine map
//      (Π a, local h) per state row.
//   2. The G maps of each row are scanned in workgroup memory (common/affine-scan-tree.wgsl,
//      Blelloch, log2 G levels): the state entering each segment.
//   3. Each invocation rescans its segment from that state and writes the outputs.
// Work about twice the sequential scan's plus O(G) per row; depth ⌈steps/G⌉·2 + 2·log2 G steps
// instead of `steps`. The outputs sum the lanes' c·h partials, parked SPAN steps at a time.
// Same accessors as common/lane-scan.wgsl (scanDecay, scanX, scanInput, scanReadout, scanOutput
// once per step and column, scanFinal). The entry point is @workgroup_size(256), one workgroup per
// column; call from uniform control flow with steps, rows and columns uniform.

#include "common/affine-scan-tree.wgsl"

const SEGMENT_WG: u32 = 256u;
const SEGMENT_MAX_LANES: u32 = 64u;
const SEGMENT_MAX_ROWS: u32 = 8u;
const SEGMENT_SPAN: u32 = 4u;

var<workgroup> stepPartial: array<array<f32, 256>, 4>;

fn segmentScan(column: u32, li: u32, steps: u32, rows: u32, columns: u32) {
  var R = 1u;
  while (R < rows && R < SEGMENT_MAX_LANES) { R *= 2u; }
  let G = SEGMENT_WG / R;
  let g = li / R;
  let k = li % R;
  let col = min(column, columns - 1u);
  let span = (steps + G - 1u) / G;
  let first = g * span;
  let last = min(steps, first + span);

  // 1. The segment's own map per row: decay product and the state it leaves from a zero start.
  var decay: array<f32, 8>;
  var h: array<f32, 8>;
  for (var m = 0u; m < SEGMENT_MAX_ROWS; m++) { decay[m] = 1.0; }
  for (var i = first; i < last; i++) {
    let x = scanX(i, col);
    for (var m = 0u; m < SEGMENT_MAX_ROWS; m++) {
      let n = k + m * R;
      if (n < rows) {
        let an = scanDecay(i, col, n);
        decay[m] *= an;
        h[m] = an * h[m] + scanInput(i, n) * x;
      }
    }
  }

  // 2. The state entering the segment, row slice by row slice (m is uniform).
  for (var m = 0u; m < SEGMENT_MAX_ROWS && m * R < rows; m++) {
    carryA[li] = decay[m];
    carryH[li] = h[m];
    exclusiveAffineScan(li, R, G);
    h[m] = carryH[li];
    workgroupBarrier();
  }

  // 3. Rescan from the entering state; outputs SPAN steps at a time, each the sum of R partials.
  for (var i0 = 0u; i0 < span; i0 += SEGMENT_SPAN) {
    for (var u = 0u; u < SEGMENT_SPAN; u++) {
      let i = first + i0 + u;
      var y = 0.0;
      if (i0 + u < span && i < steps) {
        let x = scanX(i, col);
        for (var m = 0u; m < SEGMENT_MAX_ROWS; m++) {
          let n = k + m * R;
          if (n < rows) {
            h[m] = scanDecay(i, col, n) * h[m] + scanInput(i, n) * x;
            y += h[m] * scanReadout(i, n);
          }
        }
      }
      stepPartial[u][li] = y;
    }
    workgroupBarrier();
    // Output (segment s, step i0 + u) sums its R lanes.
    for (var o = li; o < SEGMENT_SPAN * G; o += SEGMENT_WG) {
      let u = o / G;
      let s = o % G;
      let i = s * span + i0 + u;
      if (i0 + u < span && i < steps && column < columns) {
        var sum = 0.0;
        for (var lane = 0u; lane < R; lane++) { sum += stepPartial[u][s * R + lane]; }
        scanOutput(i, column, sum);
      }
    }
    workgroupBarrier();
  }
  if (g == G - 1u && column < columns) {
    for (var m = 0u; m < SEGMENT_MAX_ROWS; m++) {
      let n = k + m * R;
      if (n < rows) { scanFinal(n, column, h[m]); }
    }
  }
}
