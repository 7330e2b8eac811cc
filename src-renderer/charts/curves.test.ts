import { describe, expect, it } from 'vitest';
import { groupCurves, isOk } from './curves.js';
import { fixturePoint, LINEAR, QUADRATIC } from './fixture-run.js';

const FUSED = { ...QUADRATIC, form: 'fused' };

describe('groupCurves', () => {
  // The sweep visits points in a seeded random order: the charts must not depend on it.
  const points = [
    fixturePoint(LINEAR, 128),
    fixturePoint(FUSED, 64, { backend: 'wgsl' }),
    fixturePoint(QUADRATIC, 256),
    fixturePoint(FUSED, 512),
    fixturePoint(LINEAR, 64, { status: 'unsupported', stats: null }),
    fixturePoint(QUADRATIC, 64),
  ];

  it('orders curves by the catalog (mixer, form, backend), not by arrival', () => {
    const keys = groupCurves(points, () => true).map((c) => c.key);
    expect(keys).toEqual([
      'softmax-attention.materialized · js',
      'softmax-attention.fused · wgsl',
      'softmax-attention.fused · js',
      'linear-attention.recurrent · js',
    ]);
    expect(groupCurves([...points].reverse(), () => true).map((c) => c.key)).toEqual(keys);
  });

  it('gives one curve one color whichever filter a chart applies, and sorts each curve by L', () => {
    const all = new Map(groupCurves(points, () => true).map((c) => [c.key, c.color]));
    const okOnly = groupCurves(points, isOk);
    expect(okOnly.find((c) => c.key === 'linear-attention.recurrent · js')?.points.map((p) => p.L)).toEqual([128]);
    for (const curve of okOnly) expect(curve.color).toBe(all.get(curve.key));
    expect(new Set(all.values()).size).toBe(all.size);
    const softmax = okOnly.find((c) => c.key === 'softmax-attention.materialized · js')!;
    expect(softmax.points.map((p) => p.L)).toEqual([64, 256]);
  });
});
