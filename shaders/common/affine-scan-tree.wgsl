// The scan of one workgroup's segment carries, work-efficient (Blelloch: an up-sweep and a
// down-sweep of log2(segments) levels, O(segments) combines). Each of the 256 slots holds the affine
// map (A, H) that one segment applies to a state, h ↦ A·h + H, for `lanes` independent lanes:
// slot = segment·lanes + lane. Maps compose earlier-first,
//   (A1, H1) ∘ (A2, H2) = (A1·A2, A2·H1 + H2),
// which is associative with identity (1, 0), so the tree may group them in any order. Decays stay
// products of factors in (0, 1]: they may underflow to 0, whose terms are then truly negligible;
// nothing is divided or exponentiated here, so nothing overflows.
// After exclusiveAffineScan, slot (g, lane) holds the composition of segments 0 … g−1, whose H is
// the state entering segment g from a zero start. Call from uniform control flow with lanes and
// segments uniform, lanes · segments ≤ 256, segments a power of two; it holds barriers.

const TREE_SLOTS: u32 = 256u;
var<workgroup> carryA: array<f32, 256>;
var<workgroup> carryH: array<f32, 256>;

fn exclusiveAffineScan(li: u32, lanes: u32, segments: u32) {
  let g = li / lanes;
  let live = li < lanes * segments;
  workgroupBarrier();
  // Up-sweep: slot g (the last of a run of 2·stride segments) takes the run's composition.
  for (var stride = 1u; stride < segments; stride *= 2u) {
    if (live && (g + 1u) % (2u * stride) == 0u) {
      let left = li - stride * lanes;
      carryH[li] = carryA[li] * carryH[left] + carryH[li];
      carryA[li] = carryA[left] * carryA[li];
    }
    workgroupBarrier();
  }
  if (live && g == segments - 1u) {
    carryA[li] = 1.0;
    carryH[li] = 0.0;
  }
  workgroupBarrier();
  // Down-sweep: the left run gets the prefix before the parent, the right run that prefix ∘ the left run.
  for (var stride = segments / 2u; stride >= 1u; stride /= 2u) {
    if (live && (g + 1u) % (2u * stride) == 0u) {
      let left = li - stride * lanes;
      let leftA = carryA[left];
      let leftH = carryH[left];
      carryA[left] = carryA[li];
      carryH[left] = carryH[li];
      carryH[li] = leftA * carryH[li] + leftH;
      carryA[li] = carryA[li] * leftA;
    }
    workgroupBarrier();
  }
}
