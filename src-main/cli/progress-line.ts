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

export function describePoint(p: PointRecord): string {
  const what = `${p.mixer}/${p.form} ${p.backend} L=${p.L}`;
  if (p.status === 'ok' && p.stats) {
    const err = p.error ? ` err ${p.error.relative === null ? 'NaN' : p.error.relative.toExponential(1)}${p.error.pass ? '' : ' OVER TOLERANCE'}` : '';
    return `${what} ok ${p.stats.p50.toPrecision(4)} ms${p.stats.noisy ? ' (noisy)' : ''}${err}`;
  }
  return `${what} ${p.status}${p.reason ? `: ${p.reason}` : ''}`;
}

export class ProgressLine {
  private last: SweepProgress | undefined;
  private drawn = false;

  constructor(private readonly io: CliIo) {}

  progress(p: SweepProgress): void {
    this.last = p;
    if (!this.io.isTTY) return;
    const width = 24;
    const filled = p.total === 0 ? width : Math.round((width * p.done) / p.total);
    const current = p.current ? ` ${p.current.mixer}/${p.current.form} ${p.current.backend} L=${p.current.L}` : '';
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
    const done = (this.last?.done ?? 0) + 1;
    this.io.stdout(`[${done}/${this.last?.total ?? '?'}] ${describePoint(record)}\n`);
  }

  end(): void {
    if (this.drawn) this.io.stderr('\r\x1b[2K');
  }
}
