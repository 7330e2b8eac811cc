/**
 * The fastest form of each mixer at the longest L it reached, per backend: at long sequences the
 * form, not the mixer, decides the cost (MIXERS.md: one algebra in different forms).
 */
import type { PointRecord } from '../record/point.js';
import { formatMs, listed } from './text.js';
import { curveName, type Finding, type FindingsRun } from './types.js';

const measured = (p: PointRecord): boolean => p.status === 'ok' && p.stats !== null && p.stats.p50 > 0;

function fastestOf(mixer: string, points: readonly PointRecord[]): { sentence: string; short: string; curve: string } | undefined {
  const longest = Math.max(...points.map((p) => p.L));
  const atLongest = points.filter((p) => p.L === longest).sort((a, b) => a.stats!.p50 - b.stats!.p50);
  const [best, next] = atLongest;
  if (!best) return undefined;
  const ahead = next ? `, ${(next.stats!.p50 / best.stats!.p50).toFixed(1)}× ahead of ${next.form}` : '; the only form measured there';
  return {
    sentence: `${mixer}: ${best.form} is fastest at L = ${longest} (${formatMs(best.stats!.p50)}${ahead}).`,
    short: `${mixer} ${best.form}`,
    curve: curveName(mixer, best.form, best.backend),
  };
}

export function fastestFindings(run: FindingsRun): Finding[] {
  const ok = run.points.filter(measured);
  const backends = [...new Set(ok.map((p) => p.backend))];
  return backends.flatMap((backend) => {
    const mixers = [...new Set(ok.filter((p) => p.backend === backend).map((p) => p.mixer))];
    const found = mixers.flatMap((m) => fastestOf(m, ok.filter((p) => p.backend === backend && p.mixer === m)) ?? []);
    if (found.length === 0) return [];
    const shown = found.length <= 4 ? listed(found.map((f) => f.short)) : `${listed(found.slice(0, 3).map((f) => f.short))} and ${found.length - 3} more`;
    return [
      {
        kind: 'fastest' as const,
        chart: 'fastest' as const,
        text: `Fastest form of each mixer at the longest L it reached on ${backend}: ${shown}.`,
        details: found.map((f) => f.sentence),
        curves: found.map((f) => f.curve),
      },
    ];
  });
}
