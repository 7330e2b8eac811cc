/**
 * The `mixscope` command line (bin/mixscope.mjs runs it under tsx). Every user error is one line on
 * stderr and a non-zero exit; only a bug prints a stack.
 */
import { MixscopeError } from '../engine/core/errors.js';
import { compareCommand } from './commands/compare.js';
import { computeCommand } from './commands/compute.js';
import { focusCommand } from './commands/focus.js';
import { listCommand } from './commands/list.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { verifyCommand } from './commands/verify.js';
import { COMMAND_HELP, packageVersion, wantsHelp } from './help.js';
import { processIo, type CliIo } from './io.js';
import { probeCommand } from './probe.js';
import { SERVE_USAGE, serveCommand } from './serve.js';

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  list: listCommand,
  compute: computeCommand,
  verify: verifyCommand,
  run: runCommand,
  focus: focusCommand,
  probe: probeCommand,
  serve: serveCommand,
  report: reportCommand,
  compare: compareCommand,
};

const USAGE = `usage: mixscope <command> [options]

  list    [--json]                                   mixers, forms, parameters, backends
  compute --mixer ID [--form F] --in DIR --out Y.npy [--param k=v]... [--dtype float64|float32]
  verify  [--mixer ID] [--form F] [--L n] [--backend ID] [--dtype]   every form vs the float64 reference
  run     [--quick] [--mixers a,b] [--forms f,mixer:f] [--lengths 128,256] [--backends js]
          [--dtype] [--reps n] [--warmup n] [--min-time ms] [--time-budget ms] [--memory-budget 2GiB]
          [--d n] [--dv n] [--state n] [--heads n] [--batch n] [--seed n] [--param mixer.k=v]...
          [--no-verify] [--no-calibrate] [--out FILE.json]     a sweep; writes FILE.json and FILE.csv
          [--report FILE.html]                                and its report (.html, .md, .pdf, .csv) when it ends
  report  RUN --out FILE.html|.md|.pdf|.csv               a report of one run (RUN: a record .json or a report .html)
  probe   [--json]                                   hosts, adapters, limits, and the backends they offer
  focus   [--mixers a,b] [--lengths ..] [--q-norms ..] [--trials n] [--json]   attention focus curves
  ${SERVE_USAGE}
  compare BASE OTHER [MORE...] [--pair A:B] [--threshold 0.05] [--json] [--out FILE] [--fail-on-slower]
                                                     runs against a baseline: ratios, CIs, verdicts

  mixscope <command> --help   that command's options;   mixscope --version   the version
`;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V') {
    io.stdout(`mixscope ${packageVersion()}\n`);
    return 0;
  }
  const help = COMMAND_HELP[command];
  if (help && wantsHelp(rest)) {
    io.stdout(help);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`mixscope: unknown command '${command}' (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof MixscopeError) {
      io.stderr(`mixscope ${command}: ${err.message.replace(new RegExp(`^mixscope ${command}: `), '')}\n`);
      return 1;
    }
    throw err;
  }
}
