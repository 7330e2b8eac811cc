/** The end of a sweep in the terminal: fitted exponents per curve and where curves cross. */
import type { RunRecord } from '../engine/record/schema.js';
import type { CliIo } from './io.js';
import { printTable } from './table.js';

const EXPECTED_EXPONENT = { quadratic: '2', linear: '1', linearithmic: '1+' } as const;

export function printFits(io: CliIo, record: RunRecord): void {
  if (record.fits.length > 0) {
    const rows = record.fits.map((f) => [
      f.mixer,
      f.form,
      f.backend,
      f.exponent.toFixed(2),
      f.tail ? `${f.tail.exponent.toFixed(2)} (L ≥ ${f.tail.fromL})` : '—',
      f.expected ? `${EXPECTED_EXPONENT[f.expected]} (${f.expected})` : '—',
      f.r2 === null ? '—' : f.r2.toFixed(3),
      String(f.points),
    ]);
    printTable(io, ['mixer', 'form', 'backend', 'exponent', 'tail exponent', 'expected', 'r²', 'points'], rows);
  }
  const crossings = record.crossovers.filter((c) => c.status === 'crosses');
  for (const c of crossings) {
    io.stdout(`crossover (${c.backend}): ${c.faster.mixer}/${c.faster.form} beats ${c.slower.mixer}/${c.slower.form} from L ≈ ${Math.round(c.L!)}\n`);
  }
}
