import { describe, expect, it } from 'vitest';
import { changedFirst, compareSummary, crossoverShiftRows, exponentShiftRows, unmatchedRows } from './compare-tables.js';
import { describeRatio, formatProbability, formatSigned } from './compare-labels.js';
import { fixtureComparison, HOSTILE_LABEL } from './fixture-comparison.js';

describe('compare tables', () => {
  const comparison = fixtureComparison();

  it('lists each curve exponent, its shift and where each run stopped', () => {
    expect(exponentShiftRows(comparison)).toEqual([
      { curve: 'softmax-attention.materialized · js', baseline: '2.00', other: '2.00', shift: '±0.00', tail: '2.00 → 2.00', frontier: '512 → 512' },
      { curve: 'linear-attention.recurrent · js', baseline: '1.00', other: '1.10', shift: '+0.10', tail: '1.00 → —', frontier: '512 → 256 (failed: out of memory)' },
    ]);
  });

  it('says how a crossover moved', () => {
    expect(crossoverShiftRows(comparison)).toEqual([
      {
        pair: 'linear-attention.recurrent overtakes softmax-attention.materialized',
        backends: 'js',
        run: HOSTILE_LABEL,
        baseline: 'from L ≈ 256',
        other: 'from L ≈ 64',
        change: 'moved',
        shift: '×0.250 (earlier)',
      },
    ]);
  });

  it('puts crossovers that changed before those that did not', () => {
    const [moved] = crossoverShiftRows(comparison);
    const same = { ...moved!, change: 'unchanged' as const, shift: '' };
    expect(changedFirst([same, moved!])).toEqual({ changed: [moved], unchanged: [same] });
  });

  it('summarises geomeans, the best and worst row and the verdict counts', () => {
    const summary = compareSummary(comparison);
    expect(summary.overall).toEqual({ label: 'all rows', ratio: '1.104×', reading: '1.10× slower', rows: 7 });
    expect(summary.byMixer.map((m) => [m.label, m.reading])).toEqual([
      ['softmax-attention', '2.00× slower'],
      ['linear-attention', '2.00× faster'],
    ]);
    expect(summary.byRun).toEqual([{ label: HOSTILE_LABEL, ratio: '1.104×', reading: '1.10× slower', rows: 7 }]);
    expect(summary.best).toEqual({ curve: 'linear-attention.recurrent · js', L: 64, ratio: '0.5000×', reading: '2.00× faster', ci: '[0.475, 0.525]', verdict: 'faster' });
    expect(summary.worst?.verdict).toBe('slower');
    expect(summary.counts).toEqual([
      { verdict: 'faster', rows: 3 },
      { verdict: 'slower', rows: 4 },
      { verdict: 'same', rows: 0 },
      { verdict: 'insufficient', rows: 0 },
      { verdict: 'not-comparable', rows: 1 },
    ]);
  });

  it('lists the points that found no partner', () => {
    expect(unmatchedRows(comparison)).toEqual([{ run: HOSTILE_LABEL, point: 'ssd.chunked · js', L: 64, status: 'ok', why: 'no such point in the baseline' }]);
  });

  it('formats signs, probabilities and readings for people', () => {
    expect([formatSigned(-0.25), formatSigned(null), formatProbability(0.0123), formatProbability(3e-7), describeRatio(1)]).toEqual(['−0.25', '—', '0.0123', '3.00e-7', 'no change']);
  });
});
