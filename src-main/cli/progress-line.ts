/**
 * Sweep progress for people: on a terminal, one bar redrawn in place on stderr; elsewhere (a pipe,
 * a CI log), one plain line per finished point on stdout.
 */
import type { PointRecord } from '../engine/record/point.js';
import type { SweepProgress } from '../engine/sweep/events.js';
import type { CliIo } from './io.js';

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** How a point was sampled, in a few words: ±CI, samples, why it stopped, what the samples showed. */
function samplingNote(p: PointRecord): string {
  const s = p.sampling;
  if (!s || !p.stats) return p.stats?.noisy ? ' (noisy)' : '';
  const ci = s.medianCi ? ` ±${((100 * Math.max(p.stats.p50 - s.medianCi.lo, s.medianCi.hi - p.stats.p50)) / p.stats.p50).toFixed(1)}%` : '';
  const flags = [
    s.stop === 'ci-reached' ? '' : s.stop,
    s.multimodal ? `${s.modes.length} modes` : '',
    s.outliers.low + s.outliers.high > 0 ? `${s.outliers.low + s.outliers.high} outliers` : '',
  ].filter(Boolean);
  return `${ci} (${p.stats.n} samples, ${s.visits} visits${flags.length ? `, ${flags.join(', ')}` : ''})`;
}

export function describePoint(p: PointRecord): string {
  const what = `${p.mixer}/${p.form} ${p.backend} L=${p.L}`;
  if (p.status === 'ok' && p.stats) {
    const err = p.error ? ` err ${p.error.relative === null ? 'NaN' : p.error.relative.toExponential(1)}${p.error.pass ? '' : ' OVER TOLERANCE'}` : '';
    return `${what} ok ${p.stats.p50.toPrecision(4)} ms${samplingNote(p)}${err}`;
  }
  return `${what} ${p.status}${p.reason ? `: ${p.reason}` : ''}`;
}

/** What is being measured now: a first visit (warm-up, samples, reference check) or a refinement round. */
export function describeActivity(p: SweepProgress): string {
  if (!p.current) return '';
  const where = `${p.current.mixer}/${p.current.form} ${p.current.backend} L=${p.current.L}`;
  if (p.phase === 'refining') return ` refining round ${p.round ?? '?'} (${p.open ?? '?'} points with a wide CI): ${where}`;
  return ` measuring ${where}`;
}

export class ProgressLine {
  private last: SweepProgress | undefined;
  private drawn = false;
  /** Points landed so far: they land out of plan order once refinement rounds start. */
  private landed = 0;

  constructor(private readonly io: CliIo) {}

  progress(p: SweepProgress): void {
    this.last = p;
    if (!this.io.isTTY) return;
    const width = 24;
    const filled = p.total === 0 ? width : Math.round((width * p.done) / p.total);
    const current = describeActivity(p);
    const eta = p.etaMs === undefined ? '' : ` · ETA ${formatDuration(p.etaMs)}`;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}${current} · ${formatDuration(p.elapsedMs)}${eta}`;
    this.io.stderr(`\r\x1b[2K${line}`);
    this.drawn = true;
  }

  point(record: PointRecord): void {
    if (this.io.isTTY) {
      if (record.status !== 'ok' && record.status !== 'skipped') {
        this.io.stderr(`\r\x1b[2K${describePoint(record)}\n`);
        if (this.last) this.progress(this.last);
      }
      return;
    }
    this.landed++;
    this.io.stdout(`[${this.landed}/${this.last?.total ?? '?'}] ${describePoint(record)}\n`);
  }

  end(): void {
    if (this.drawn) this.io.stderr('\r\x1b[2K');
  }
}
