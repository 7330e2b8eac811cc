// The index of an invocation of a 1-D grid of 64-wide workgroups that the plan dispatches as a
// 2-D grid (groups.x × groups.y), so that it can pass the 65 535 workgroups of one dimension.

fn flatIndex(gid: vec3<u32>, groups: vec3<u32>) -> u32 {
  return gid.x + gid.y * groups.x * 64u;
}
