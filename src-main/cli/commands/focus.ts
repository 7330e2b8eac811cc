/**
 * `mixscope focus`: the Monte-Carlo focus curves of MIXERS.md "Attention focus" — sparsity S of the
 * effective attention row against L and against ‖q‖, with the closed form beside it where known.
 */
import { focusCurvesByLength, focusCurvesByQueryNorm, type FocusCurve } from '../../engine/focus/curves.js';
import { intFlag, listFlag, numberFlag, parseFlags } from '../args.js';
import type { CliIo } from '../io.js';
import { printTable } from '../table.js';

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(4));

function printCurves<P extends { S: number | null; stdErr: number | null; theory?: number }>(
  io: CliIo,
  title: string,
  curves: readonly FocusCurve<P>[],
  axis: (p: P) => string,
): void {
  io.stdout(`${title}\n`);
  const rows = curves.flatMap((c) => c.points.map((p) => [c.mixer, axis(p), fmt(p.S), fmt(p.stdErr), fmt(p.theory), c.theoryLabel ?? '']));
  printTable(io, ['mixer', title.startsWith('S vs L') ? 'L' : '‖q‖', 'S', '± stderr', 'theory', 'closed form'], rows);
}

export async function focusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('focus', argv, {
    mixers: { type: 'string' },
    lengths: { type: 'string' },
    'q-norms': { type: 'string' },
    trials: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const options = {
    mixers: listFlag(flags.mixers),
    lengths: listFlag(flags.lengths)?.map((l) => intFlag('lengths', l)!),
    qNorms: listFlag(flags['q-norms'])?.map((q) => numberFlag('q-norms', q)!),
    trials: intFlag('trials', flags.trials),
    seed: intFlag('seed', flags.seed, 0),
  };
  const byLength = focusCurvesByLength(options);
  const byQueryNorm = focusCurvesByQueryNorm(options);
  if (flags.json) {
    io.stdout(`${JSON.stringify({ byLength, byQueryNorm }, null, 2)}\n`);
    return 0;
  }
  printCurves(io, 'S vs L', byLength, (p) => String(p.L));
  io.stdout('\n');
  printCurves(io, 'S vs ‖q‖', byQueryNorm, (p) => String(p.qNorm));
  return 0;
}
