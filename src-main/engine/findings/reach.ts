/**
 * The largest L each form reached and why it stopped: the time or memory budget, the device's
 * limits, a failure. A form that reached the sweep's longest L needs no sentence of its own.
 */
import type { PointRecord } from '../record/point.js';
import { listed, plural } from './text.js';
import { curveName, type Finding, type FindingsRun } from './types.js';

const STOPS: Record<string, string> = {
  'over-budget': 'over budget',
  'over-limit': "over the device's limits",
  'device-lost': 'the device was lost',
  failed: 'failed',
  skipped: 'skipped after a smaller L was over budget',
  unsupported: 'not supported on this backend',
};

function why(p: PointRecord): string {
  const status = STOPS[p.status] ?? p.status;
  return p.reason ? `${status}: ${p.reason}` : status;
}

interface Reach {
  readonly name: string;
  readonly curve: string;
  /** Largest L measured; 0 when none was. */
  readonly reached: number;
  readonly stop?: PointRecord;
}

function reachOf(points: readonly PointRecord[]): Reach {
  const first = points[0]!;
  const reached = Math.max(0, ...points.filter((p) => p.status === 'ok').map((p) => p.L));
  const stop = points.filter((p) => p.status !== 'ok' && p.L > reached).sort((a, b) => a.L - b.L)[0];
  return { name: curveName(first.mixer, first.form, first.backend), curve: curveName(first.mixer, first.form, first.backend), reached, ...(stop ? { stop } : {}) };
}

function stoppedSentence(r: Reach): string {
  const where = r.reached > 0 ? `stopped at L = ${r.reached}` : 'measured no length';
  return r.stop ? `${r.name} ${where} (L = ${r.stop.L} ${why(r.stop)}).` : `${r.name} ${where} so far.`;
}

export function reachFindings(run: FindingsRun): Finding[] {
  if (run.points.length === 0) return [];
  const groups = new Map<string, PointRecord[]>();
  for (const p of run.points) {
    const key = curveName(p.mixer, p.form, p.backend);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const reaches = [...groups.values()].map(reachOf);
  const longest = Math.max(...run.settings.lengths);
  const stopped = reaches.filter((r) => r.reached < longest).sort((a, b) => a.reached - b.reached);
  const all = Math.max(...reaches.map((r) => r.reached));
  const text =
    stopped.length === 0
      ? `Every form reached the longest length, L = ${longest}.`
      : `${plural(reaches.length - stopped.length, 'form')} of ${reaches.length} reached the longest length, L = ${longest}; the largest L reached by ${stopped.length === reaches.length ? 'any form' : 'the others'} is ${stopped.length === reaches.length ? all : listed([...new Set(stopped.map((r) => `L = ${r.reached}`))].slice(0, 3))}.`;
  return [{ kind: 'reach', chart: 'time', text, details: stopped.map(stoppedSentence), curves: stopped.map((r) => r.curve) }];
}
