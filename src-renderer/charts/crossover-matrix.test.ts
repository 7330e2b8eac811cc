import { describe, expect, it } from 'vitest';
import { buildCrossoverMatrix, crossoverMatrixHeight, matrixBackends } from './crossover-matrix.js';
import { fixturePoint, fixtureRun, FIXTURE_LENGTHS, LINEAR } from './fixture-run.js';
import type { Cell } from './grid-cells.js';
import { contrast, lengthColor } from './length-colors.js';

const cellsOf = (option: ReturnType<typeof buildCrossoverMatrix>) => (option.series as { data: Cell[] }[])[0]!.data;

describe('buildCrossoverMatrix', () => {
  const run = fixtureRun();

  it('puts the crossover L in the row of the faster form and the column of the slower one, coloured by L', () => {
    const option = buildCrossoverMatrix(run, 'js');
    expect(option.yAxis).toMatchObject({ data: ['softmax-attention.materialized', 'linear-attention.recurrent'] });
    expect(option.xAxis).toMatchObject({ data: ['softmax-attention.materialized', 'linear-attention.recurrent'] });
    const [cell, ...rest] = cellsOf(option);
    expect(rest).toEqual([]);
    expect(cell!.value.slice(0, 2)).toEqual([0, 1]);
    expect(cell!.value[2]).toBeCloseTo(256, 6);
    expect(cell!.label).toBe('256');
    expect(cell!.pair).toEqual(['linear-attention.recurrent', 'softmax-attention.materialized']);
    expect(cell!.itemStyle.color).toBe(lengthColor(256, 64, 512));
  });

  it('marks a form faster at every length "all", and leaves the cells of pairs never compared empty', () => {
    const slow = { ...LINEAR, form: 'chunked', coefficient: 1 };
    const option = buildCrossoverMatrix({ ...run, points: [...run.points, ...FIXTURE_LENGTHS.map((L) => fixturePoint(slow, L))] }, 'js');
    const forms = (option.yAxis as { data: string[] }).data;
    expect(forms).toEqual(['softmax-attention.materialized', 'linear-attention.recurrent', 'linear-attention.chunked']);
    const byPair = Object.fromEntries(cellsOf(option).map((c) => [`${forms[c.value[1]!]} > ${forms[c.value[0]!]}`, c.label]));
    expect(byPair).toEqual({
      'linear-attention.recurrent > softmax-attention.materialized': '256',
      'softmax-attention.materialized > linear-attention.chunked': 'all',
      'linear-attention.recurrent > linear-attention.chunked': 'all',
    });
  });

  it('keeps cell text readable: WCAG AA contrast on every colour of the scale', () => {
    for (const L of [64, 90, 128, 181, 256, 362, 512]) {
      const color = lengthColor(L, 64, 512);
      const cell = cellsOf(buildCrossoverMatrix({ ...run, crossovers: [{ backend: 'js', faster: { mixer: 'a', form: 'x' }, slower: { mixer: 'b', form: 'y' }, status: 'crosses', L }] }, 'js'))[0];
      expect(cell?.itemStyle.color).toBe(color);
      expect(contrast(cell!.textColor, color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('lists the backends with crossovers and grows with the number of forms', () => {
    expect(matrixBackends(run)).toEqual(['js']);
    expect(crossoverMatrixHeight(run, 'js')).toBe(260);
    expect(matrixBackends({ ...run, points: run.points.filter((p) => p.mixer === LINEAR.mixer) })).toEqual([]);
  });
});
