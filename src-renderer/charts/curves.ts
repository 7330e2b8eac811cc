/**
 * Points grouped into the curves the charts draw: one per mixer × form × backend (or per
 * mixer × form where the value is backend-independent), ascending in L, with a stable color.
 */
import type { PointRecord } from '@engine/record/schema.js';

export interface Curve {
  /** `mixer.form · backend`: the legend name every chart uses for this curve. */
  readonly key: string;
  readonly mixer: string;
  readonly form: string;
  readonly backend: string;
  readonly color: string;
  /** Points of this curve, ascending in L. */
  readonly points: readonly PointRecord[];
}

/** Okabe–Ito and Tableau hues: distinguishable, and readable for the common colour blindnesses. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#8c564b', '#7f7f7f', '#bcbd22', '#1f3a93', '#b2182b', '#4d9221'];

export function curveKey(mixer: string, form: string, backend?: string): string {
  return backend === undefined ? `${mixer}.${form}` : `${mixer}.${form} · ${backend}`;
}

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#333333';
}

/** Curves in first-appearance order; `byBackend: false` merges backends (cost models, bottlenecks). */
export function groupCurves(points: readonly PointRecord[], filter: (p: PointRecord) => boolean, byBackend = true): Curve[] {
  const groups = new Map<string, PointRecord[]>();
  for (const p of points) {
    if (!filter(p)) continue;
    const key = curveKey(p.mixer, p.form, byBackend ? p.backend : undefined);
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([key, list], i) => {
    const first = list[0] as PointRecord;
    const sorted = byBackend ? [...list].sort((a, b) => a.L - b.L) : uniqueByL(list);
    return { key, mixer: first.mixer, form: first.form, backend: byBackend ? first.backend : '', color: colorAt(i), points: sorted };
  });
}

/** One point per L (the first), for values that do not depend on the backend. */
function uniqueByL(list: readonly PointRecord[]): PointRecord[] {
  const seen = new Map<number, PointRecord>();
  for (const p of list) if (!seen.has(p.L)) seen.set(p.L, p);
  return [...seen.values()].sort((a, b) => a.L - b.L);
}

export const isOk = (p: PointRecord): boolean => p.status === 'ok';
