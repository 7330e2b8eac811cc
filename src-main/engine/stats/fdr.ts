/**
 * Benjamini–Hochberg q-values: with m p-values sorted ascending, q_(i) = min over j ≥ i of
 * m·p_(j)/j, capped at 1. Declaring every row with q < α different keeps the expected share of
 * false discoveries among them at most α (for independent or positively dependent tests).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (m * p) / rank);
    q[i] = Math.min(1, running);
  }
  return q;
}
