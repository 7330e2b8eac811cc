/**
 * Which point a drawn datum stands for: every data item of a measured point carries `ref`, so a
 * click on any chart finds the point record behind it (the point inspector).
 */
import type { PointRecord } from '@engine/record/schema.js';
import type { ChartRun } from './chart-run.js';

export function pointRef(p: Pick<PointRecord, 'mixer' | 'form' | 'backend' | 'L'>): string {
  return `${p.mixer}|${p.form}|${p.backend}|${p.L}`;
}

export function findPoint(run: Pick<ChartRun, 'points'>, ref: string): PointRecord | undefined {
  return run.points.find((p) => pointRef(p) === ref);
}

/** The `ref` of a clicked datum (ECharts hands the data item back as `params.data`). */
export function refOfDatum(datum: unknown): string | undefined {
  const ref = typeof datum === 'object' && datum !== null ? (datum as { ref?: unknown }).ref : undefined;
  return typeof ref === 'string' ? ref : undefined;
}
