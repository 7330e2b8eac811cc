/**
 * The end of a sweep in the terminal: fitted exponents per curve with their 95% CIs, where curves
 * cross (with the CI of L), whether the roofline calibration held and whether the machine's speed
 * drifted under the run (the end probe). A wide CI is said in words next to the number, so nobody
 * reads a loose exponent as a result.
 */
import { DRIFT_THRESHOLD, driftExceeds, driftLine } from '../engine/record/drift.js';
import type { Interval } from '../engine/record/point.js';
import type { Crossover, Fit, RunRecord } from '../engine/record/schema.js';
import type { CliIo } from './io.js';
import { printTable } from './table.js';

const EXPECTED_EXPONENT = { quadratic: '2', linear: '1', linearithmic: '1+' } as const;

function withCi(value: number, ci: Interval | undefined): string {
  return ci ? `${value.toFixed(2)} [${ci.lo.toFixed(2)}, ${ci.hi.toFixed(2)}]` : value.toFixed(2);
}

function fitRow(f: Fit): string[] {
  return [
    f.mixer,
    f.form,
    f.backend,
    withCi(f.exponent, f.ci),
    f.tail ? `${withCi(f.tail.exponent, f.tail.ci)} (L ≥ ${f.tail.fromL})` : '—',
    f.expected ? `${EXPECTED_EXPONENT[f.expected]} (${f.expected})` : '—',
    f.r2 === null ? '—' : f.r2.toFixed(3),
    String(f.points),
    f.wide ? 'wide CI: not conclusive' : '',
  ];
}

function formatL(L: number | null): string {
  return L === null ? 'open' : String(Math.round(L));
}

export function crossoverLine(c: Crossover): string {
  const head = `crossover (${c.backend}): ${c.faster.mixer}/${c.faster.form} beats ${c.slower.mixer}/${c.slower.form} from L ≈ ${Math.round(c.L!)}`;
  if (!c.ci) return head;
  const agreement = `${Math.round(c.ci.agreement * 100)}% of resamples cross`;
  return `${head} (95% CI ${formatL(c.ci.lo)}–${formatL(c.ci.hi)}, ${agreement}${c.wide ? '; wide CI: not conclusive' : ''})`;
}

export function printFits(io: CliIo, record: RunRecord): void {
  if (record.fits.length > 0) {
    const header = ['mixer', 'form', 'backend', 'exponent [95% CI]', 'tail exponent [95% CI]', 'expected', 'r²', 'points', ''];
    printTable(io, header, record.fits.map(fitRow));
  }
  for (const c of record.crossovers.filter((x) => x.status === 'crosses')) io.stdout(`${crossoverLine(c)}\n`);
  for (const cal of record.calibration ?? []) {
    if (cal.valid === false) io.stdout(`roofline (${cal.backend}): calibration invalid, ${cal.invalidReason ?? 'a point ran above it'}; no roofline fractions for this backend\n`);
  }
  printDrift(io, record);
}

/** The end probe: each backend's drift in one line, a warning where the machine's speed changed under the run. */
function printDrift(io: CliIo, record: RunRecord): void {
  const calibrations = record.calibration ?? [];
  if (record.status === 'cancelled' && calibrations.some((c) => c.endSkipped)) io.stdout('drift check: skipped, the run was cancelled\n');
  for (const cal of calibrations) {
    const line = driftLine(cal);
    if (line && !driftExceeds(cal)) io.stdout(`drift (${cal.backend}): ${line}: steady within ${DRIFT_THRESHOLD * 100}%\n`);
  }
  for (const w of record.warnings ?? []) io.stdout(`warning: ${w.message}\n`);
}
