/**
 * Points grouped into the curves the charts draw: one per mixer × form × backend (or per
 * mixer × form where the value is backend-independent), ascending in L, with a stable color.
 */
import { BACKEND_IDS } from '@engine/core/backend.js';
import type { PointRecord } from '@engine/record/schema.js';
import { MIXERS } from '@engine/registry.js';

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

/** Catalog position of a mixer.form (mixers, then their forms, in the registry's order); unknown ones last, by name. */
const CATALOG_ORDER = new Map(MIXERS.flatMap((m) => m.forms.map((f) => curveKey(m.id, f.id))).map((key, i) => [key, i]));
const BACKEND_ORDER = new Map<string, number>(BACKEND_IDS.map((id, i) => [id, i]));

/** Compares two curves' identities in catalog order: mixer, form, then backend. */
export function compareCurveIds(a: { mixer: string; form: string; backend: string }, b: { mixer: string; form: string; backend: string }): number {
  const ca = CATALOG_ORDER.get(curveKey(a.mixer, a.form)) ?? Number.MAX_SAFE_INTEGER;
  const cb = CATALOG_ORDER.get(curveKey(b.mixer, b.form)) ?? Number.MAX_SAFE_INTEGER;
  if (ca !== cb) return ca - cb;
  if (a.mixer !== b.mixer || a.form !== b.form) return curveKey(a.mixer, a.form) < curveKey(b.mixer, b.form) ? -1 : 1;
  const ba = BACKEND_ORDER.get(a.backend) ?? Number.MAX_SAFE_INTEGER;
  const bb = BACKEND_ORDER.get(b.backend) ?? Number.MAX_SAFE_INTEGER;
  return ba !== bb ? ba - bb : a.backend < b.backend ? -1 : a.backend > b.backend ? 1 : 0;
}

/**
 * Curves in catalog order, whatever order the sweep visited the points in (it interleaves them).
 * A curve's color is its position among all the run's curves, so one curve has one color in every
 * chart, whichever filter a chart applies. `byBackend: false` merges backends (cost models, bottlenecks).
 */
export function groupCurves(points: readonly PointRecord[], filter: (p: PointRecord) => boolean, byBackend = true): Curve[] {
  const ids = (p: PointRecord) => ({ mixer: p.mixer, form: p.form, backend: byBackend ? p.backend : '' });
  const all = new Map<string, { mixer: string; form: string; backend: string }>();
  for (const p of points) {
    const key = curveKey(p.mixer, p.form, byBackend ? p.backend : undefined);
    if (!all.has(key)) all.set(key, ids(p));
  }
  const colorIndex = new Map([...all.entries()].sort((x, y) => compareCurveIds(x[1], y[1])).map(([key], i) => [key, i]));
  const groups = new Map<string, PointRecord[]>();
  for (const p of points) {
    if (!filter(p)) continue;
    const key = curveKey(p.mixer, p.form, byBackend ? p.backend : undefined);
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const first = list[0] as PointRecord;
      const sorted = byBackend ? [...list].sort((a, b) => a.L - b.L) : uniqueByL(list);
      return { key, mixer: first.mixer, form: first.form, backend: byBackend ? first.backend : '', color: colorAt(colorIndex.get(key) ?? 0), points: sorted };
    })
    .sort(compareCurveIds);
}

/** One point per L (the first), for values that do not depend on the backend. */
function uniqueByL(list: readonly PointRecord[]): PointRecord[] {
  const seen = new Map<number, PointRecord>();
  for (const p of list) if (!seen.has(p.L)) seen.set(p.L, p);
  return [...seen.values()].sort((a, b) => a.L - b.L);
}

export const isOk = (p: PointRecord): boolean => p.status === 'ok';
