/**
 * `mixscope compare BASE OTHER [MORE...]`: the first run is the baseline; prints the comparison
 * (compare-summary.ts) or its JSON, writes it by extension (.json here, atomically; .html, .md,
 * .pdf, .csv through the report renderer), and with --fail-on-slower exits 1 on any slower row.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { compareRuns, type CompareOptions } from '../../engine/compare/index.js';
import { BACKEND_IDS, type BackendId } from '../../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { RunRecord } from '../../engine/record/schema.js';
import { readRunRecords } from '../../report/read-input.js';
import { renderReport, reportFormatOf } from '../../report/render.js';
import { writeFileAtomic } from '../../services/atomic-write.js';
import { intFlag, numberFlag, parseCommandLine } from '../args.js';
import { printComparison } from '../compare-summary.js';
import type { CliIo } from '../io.js';

export const COMPARE_OPTIONS = {
  pair: { type: 'string' },
  threshold: { type: 'string' },
  seed: { type: 'string' },
  resamples: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  'fail-on-slower': { type: 'boolean' },
} as const;

function backendOf(raw: string): BackendId {
  if ((BACKEND_IDS as readonly string[]).includes(raw)) return raw as BackendId;
  throw new MixscopeError(`--pair: unknown backend '${raw}' (backends: ${BACKEND_IDS.join(', ')})`);
}

function pairFlag(raw: string | undefined): CompareOptions['pair'] {
  if (raw === undefined) return undefined;
  const parts = raw.split(':');
  if (parts.length !== 2) throw new MixscopeError(`--pair takes BASELINE:OTHER backends, e.g. wgsl:js; got '${raw}'`);
  return { baseline: backendOf(parts[0]!.trim()), other: backendOf(parts[1]!.trim()) };
}

/** What --out writes, checked before any work so a bad name costs nothing. */
function outFormat(path: string): 'json' | NonNullable<ReturnType<typeof reportFormatOf>> {
  if (extname(path).toLowerCase() === '.json') return 'json';
  const format = reportFormatOf(path);
  if (!format) throw new MixscopeError(`--out ${path}: unknown format '${extname(path) || '(no extension)'}' (json, html, md, pdf, csv)`);
  return format;
}

export async function compareCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: flags, positionals } = parseCommandLine('compare', argv, COMPARE_OPTIONS, true);
  const pair = pairFlag(flags.pair);
  if (positionals.length < (pair ? 1 : 2)) {
    throw new MixscopeError('compare needs a baseline and at least one other run (record .json or report .html), or one run and --pair A:B');
  }
  const format = flags.out === undefined ? undefined : outFormat(flags.out);
  const threshold = numberFlag('threshold', flags.threshold);
  const seed = intFlag('seed', flags.seed, 0);
  const resamples = intFlag('resamples', flags.resamples, 100);
  const inputs = await Promise.all(positionals.map(async (path) => ({ path, records: await readRunRecords(path) })));
  const records: RunRecord[] = inputs.flatMap((i) => i.records);
  const labels = inputs.flatMap((i) => i.records.map((r) => (i.records.length > 1 ? `${i.path}#${r.id}` : i.path)));
  const comparison = compareRuns(records, { labels, ...(pair ? { pair } : {}), ...(threshold !== undefined ? { threshold } : {}), ...(seed !== undefined ? { seed } : {}), ...(resamples !== undefined ? { resamples } : {}) });

  if (flags.out !== undefined && format !== undefined) {
    const bytes = format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : await renderReport({ kind: 'comparison', comparison, records }, format);
    try {
      await mkdir(dirname(flags.out), { recursive: true });
      await writeFileAtomic(flags.out, bytes);
    } catch (err) {
      throw new MixscopeError(`cannot write ${flags.out}: ${errorMessage(err)}`, 'io');
    }
  }
  if (flags.json) io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
  else printComparison(comparison, io);
  if (flags.out !== undefined && !flags.json) io.stdout(`\nwrote ${flags.out}\n`);
  return flags['fail-on-slower'] && comparison.summary.counts.slower > 0 ? 1 : 0;
}
