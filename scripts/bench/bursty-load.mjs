#!/usr/bin/env node
// A bursty CPU load for timing checks: one process, busy then asleep for random spans (seeded), so
// a sweep beside it sees bursts of contention that come and go. `node bursty-load.mjs [seed] [maxMs]`.
let state = Number(process.argv[2] ?? 1) >>> 0;
const maxMs = Number(process.argv[3] ?? 400);
const uniform = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
let sink = 0;
function burst() {
  const until = performance.now() + 20 + uniform() * maxMs;
  while (performance.now() < until) for (let i = 0; i < 1e4; i++) sink += Math.sqrt(i + sink);
  setTimeout(burst, 20 + uniform() * maxMs);
}
burst();
process.on('SIGTERM', () => process.exit(sink > 0 ? 0 : 0));
