/**
 * The focus measure of MIXERS.md "Attention focus": S(a) = E|a| / √(E a²), means over the entries of
 * one effective attention row. S = 1 for a flat row, 1/√n for a one-hot row of n entries; by
 * Cauchy-Schwarz it always lies in (0, 1]. An all-zero row has no S (NaN).
 */
export function sparsity(row: ArrayLike<number>): number {
  let abs = 0;
  let square = 0;
  for (let i = 0; i < row.length; i++) {
    abs += Math.abs(row[i]!);
    square += row[i]! * row[i]!;
  }
  if (square === 0) return Number.NaN;
  return abs / row.length / Math.sqrt(square / row.length);
}
