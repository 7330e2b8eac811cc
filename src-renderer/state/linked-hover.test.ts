import { describe, expect, it } from 'vitest';
import { curveKeyOfSeries } from './linked-hover.js';

describe('curveKeyOfSeries', () => {
  it('reads the curve key of a measured series, with or without its exponent', () => {
    expect(curveKeyOfSeries('linear-attention.chunked · js  L^1.02 (tail 1.10)')).toBe('linear-attention.chunked · js');
    expect(curveKeyOfSeries('ssd.chunked · wgsl')).toBe('ssd.chunked · wgsl');
  });

  it('gives reference lines no key, so hovering them highlights nothing', () => {
    for (const name of ['baseline · softmax-attention.fused · js', 'theory ∝ L^2', 'tolerance 1e-4', 'roof js: 20 GFLOP/s, 10 GB/s', 'wall time (4 samples)']) {
      expect(curveKeyOfSeries(name), name).toBeUndefined();
    }
  });
});
