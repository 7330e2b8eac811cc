/**
 * `mixscope report RUN --out FILE`: a report of one run in the format FILE's extension names
 * (html, md, pdf, csv). RUN is a record `.json` or a report `.html` (its embedded data; a comparison
 * report is written again as the comparison, in the new format). Written to
 * a temporary file and renamed, so a failure leaves no partial report behind.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { RunRecord } from '../../engine/record/schema.js';
import { readReportInput } from '../../report/read-input.js';
import { renderReport, reportFormatOf } from '../../report/render.js';
import { writeFileAtomic } from '../../services/atomic-write.js';
import type { CliIo } from '../io.js';

export const REPORT_USAGE = `usage: mixscope report RUN --out FILE

  RUN          a run record (.json) or a report (.html) written by mixscope; a comparison
               report gives the comparison's report in the new format
  --out FILE   the report to write; its extension picks the format:
               .html  one self-contained page (charts, tables, methodology; opens offline, and
                      mixscope reads it back as a run)
               .md    Markdown for pull requests and issues
               .pdf   the HTML report printed by headless Chromium (MIXSCOPE_CHROMIUM)
               .csv   long format: one row per point, full precision
  --help       this text
`;

const OPTIONS = { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** Flags plus the one positional RUN; flag errors worded as every command's (args.ts). */
function parseReportArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const flag = /'(-[^' ]+)/.exec((err as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new MixscopeError(`mixscope report: unknown option '${flag}' (options: --out, --help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new MixscopeError(`mixscope report: option '${flag}' needs a value`);
    throw new MixscopeError(`mixscope report: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Writes `bytes` to `path` whole or not at all; the error names the file. */
export async function writeReportFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
  } catch (err) {
    throw new MixscopeError(`cannot write ${path}: ${errorMessage(err)}`, 'io');
  }
}

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseReportArgs(argv);
  if (values.help) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new MixscopeError(`mixscope report: give one RUN (a record .json or a report .html)${positionals.length > 1 ? `, not ${positionals.length}` : ''}; see mixscope report --help`);
  }
  const out = values.out;
  if (!out) throw new MixscopeError('mixscope report: --out FILE is required (.html, .md, .pdf or .csv)');
  const format = reportFormatOf(out);
  if (!format) throw new MixscopeError(`mixscope report: cannot tell the format of '${out}' from its extension (use .html, .md, .pdf or .csv)`);
  const contents = await readReportInput(positionals[0]!);
  // A comparison report given back is written again as a comparison (another format of it).
  if (contents.kind === 'comparison' && contents.comparison) {
    await writeReportFile(out, await renderReport({ kind: 'comparison', comparison: contents.comparison, records: contents.records }, format));
    io.stdout(`${format} report of the comparison against ${contents.comparison.baseline}: ${out}\n`);
    return 0;
  }
  const record = contents.records[0]!;
  await writeReportFile(out, await renderReport({ kind: 'run', record }, format));
  io.stdout(`${format} report of run ${record.id}: ${out}\n`);
  return 0;
}

/** `mixscope run --report FILE`: the run's report once the sweep ends (npm start writes runs/quick.html). */
export const RUN_REPORT_OPTION = { report: { type: 'string' } } as const;

export async function writeRunReport(record: RunRecord, out: string, io: CliIo): Promise<void> {
  const format = reportFormatOf(out);
  if (!format) throw new MixscopeError(`mixscope run: cannot tell the format of --report '${out}' from its extension (use .html, .md, .pdf or .csv)`);
  await writeReportFile(out, await renderReport({ kind: 'run', record }, format));
  io.stdout(`${format} report: ${out}\n`);
}
