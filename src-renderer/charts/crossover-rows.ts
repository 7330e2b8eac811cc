/**
 * The crossover table: from which L each form beats each other form, on this machine. A finished
 * record carries its crossovers; during a sweep they are found from the points so far with the
 * engine's own analysis (the pairs a finished sweep would report).
 */
import { curvesOf, findCrossovers } from '@engine/sweep/analysis.js';
import type { Crossover } from '@engine/record/schema.js';
import type { ChartRun } from './chart-run.js';
import { curveKey } from './curves.js';

export interface CrossoverRow {
  readonly backend: string;
  readonly faster: string;
  readonly slower: string;
  /** 'from L ≈ 612', 'whole range', 'never (on this range)'. */
  readonly when: string;
  /** For sorting: the crossing L, 0 for 'always', Infinity for 'never'. */
  readonly L: number;
}

function describe(c: Pick<Crossover, 'status' | 'L'>): { when: string; L: number } {
  if (c.status === 'crosses' && c.L !== null) return { when: `from L ≈ ${Math.round(c.L)}`, L: c.L };
  if (c.status === 'always') return { when: 'whole measured range', L: 0 };
  return { when: 'never (on this range)', L: Number.POSITIVE_INFINITY };
}

export function crossoverRows(run: ChartRun): CrossoverRow[] {
  const source = run.crossovers.length > 0 ? run.crossovers : findCrossovers(curvesOf(run.points));
  return source
    .map((c) => ({
      backend: c.backend,
      faster: curveKey(c.faster.mixer, c.faster.form),
      slower: curveKey(c.slower.mixer, c.slower.form),
      ...describe(c),
    }))
    .sort((x, y) => x.backend.localeCompare(y.backend) || x.L - y.L || x.faster.localeCompare(y.faster));
}
