/** `mixscope compare`, `--help` on every command and `--version`, through main(argv) with captured output. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonSchema } from '../engine/compare/schema.js';
import { syntheticRunJson } from '../engine/compare/synthetic.js';
import { reportDataFor } from '../engine/report/data.js';
import { buildHtmlReport } from '../engine/report/html.js';
import { parseRunRecordText } from '../engine/record/parse.js';
import { COMMAND_HELP } from './help.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, onInterrupt: () => () => {} };
  const code = await main(argv, io);
  return { code, out, err };
}

let dir: string;
const path = (name: string) => join(dir, name);
const FORMS = new Set(['softmax-attention/materialized', 'linear-attention/recurrent']);

async function writeRun(name: string, seed: number, factor: number, change: (json: Record<string, unknown>) => void = () => {}) {
  const json = syntheticRunJson({ id: name, seed, lengths: [128, 256, 512], maxSamples: 30, factor: () => factor });
  json['points'] = (json['points'] as { mixer: string; form: string }[]).filter((p) => FORMS.has(`${p.mixer}/${p.form}`));
  change(json);
  await writeFile(path(`${name}.json`), JSON.stringify(json));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mixscope-compare-'));
  await writeRun('base', 1, 1);
  await writeRun('slow', 2, 2, (j) => ((j['environment'] as { cpu: { model: string } }).cpu.model = 'Slow\u001b[31m CPU'));
  await writeRun('fast', 3, 0.5);
  await writeRun('gpu', 4, 1, (j) => (j['points'] = (j['points'] as object[]).map((p) => ({ ...p, backend: 'wgsl' }))));
  await writeFile(path('truncated.json'), '{"format": "mixscope-run", "version": 1, "id": ');
  const record = parseRunRecordText(await readFile(path('base.json'), 'utf8'));
  const html = buildHtmlReport(reportDataFor({ kind: 'run', record }, '2026-01-01T00:00:00.000Z'), { text: '', sha256: 'none' });
  await writeFile(path('base.html'), html);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('mixscope compare', () => {
  it('prints the environment diff, the geomean and the rows that are not the same', async () => {
    const r = await cli(['compare', path('base.json'), path('slow.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/informative {2}cpu\.model: Synthetic CPU \| Slow\\u001b\[31m CPU/);
    expect(r.out).toMatch(/geomean other\/baseline: (1\.9\d*× \(9\d\.\d% slower\)|2\.0\d*× \(2\.0\d× slower\))/);
    expect(r.out).toMatch(/rows that are not the same:\nmixer\/form +backend +L +base ms/);
    expect(r.out).toMatch(/softmax-attention\/materialized +js +128 .* slower/);
    expect(r.out).not.toContain('\u001b');
  });

  it('prints the comparison as JSON and writes it atomically with --out', async () => {
    const out = path('nested/cmp.json');
    const r = await cli(['compare', path('base.json'), path('fast.json'), '--json', '--out', out, '--seed', '4']);
    expect(r.code).toBe(0);
    const printed = comparisonSchema.parse(JSON.parse(r.out));
    expect(printed).toMatchObject({ format: 'mixscope-comparison', baseline: 'base', options: { seed: 4 } });
    expect(printed.runs.map((x) => x.label)).toEqual([path('base.json'), path('fast.json')]);
    expect(printed.rows.every((row) => row.verdict === 'faster' || row.verdict === 'insufficient')).toBe(true);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(printed);
    expect((await readdir(path('nested'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads a run back from its HTML report', async () => {
    const r = await cli(['compare', path('base.html'), path('slow.json'), '--json']);
    expect(r.code).toBe(0);
    const c = comparisonSchema.parse(JSON.parse(r.out));
    expect(c.runs.map((x) => x.id)).toEqual(['base', 'slow']);
    expect(c.summary.counts.slower).toBeGreaterThan(0);
  });

  it('writes a Markdown report by extension', async () => {
    const out = path('cmp.md');
    const r = await cli(['compare', path('base.json'), path('slow.json'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out}`);
    expect(await readFile(out, 'utf8')).toMatch(/slower/);
  });

  it('--fail-on-slower exits 1 on a slower row and 0 otherwise', async () => {
    expect((await cli(['compare', path('base.json'), path('slow.json'), '--fail-on-slower'])).code).toBe(1);
    expect((await cli(['compare', path('base.json'), path('fast.json'), '--fail-on-slower'])).code).toBe(0);
  });

  it('--pair compares two backends across runs', async () => {
    const r = await cli(['compare', path('base.json'), path('gpu.json'), '--pair', 'js:wgsl', '--json']);
    expect(r.code).toBe(0);
    const c = comparisonSchema.parse(JSON.parse(r.out));
    expect(c.rows.length).toBeGreaterThan(0);
    expect(c.rows.every((row) => row.baselineBackend === 'js' && row.otherBackend === 'wgsl')).toBe(true);
  });

  it.each([
    [['compare', 'BASE', 'missing.json'], /^mixscope compare: cannot read .*missing\.json: no such file$/],
    [['compare', 'BASE', 'truncated.json'], /truncated\.json.*(not valid JSON|JSON)/],
    [['compare', 'BASE', 'gpu.json'], /have no point in common/],
    [['compare', 'BASE'], /needs a baseline and at least one other run/],
    [['compare', 'BASE', 'slow.json', '--out', 'OUT.txt'], /--out .*out\.txt: unknown format '\.txt'/],
    [['compare', 'BASE', 'slow.json', '--pair', 'js'], /--pair takes BASELINE:OTHER/],
    [['compare', 'BASE', 'slow.json', '--pair', 'js:cuda'], /unknown backend 'cuda'/],
    [['compare', 'BASE', 'slow.json', '--threshold', 'x'], /--threshold must be a number/],
    [['compare', 'BASE', 'slow.json', '--bogus'], /unknown option '--bogus'/],
  ])('refuses %j with one line and writes nothing', async (args, message) => {
    const out = path(`never-${Math.random().toString(36).slice(2)}.json`);
    const argv = args.map((a) => (a === 'BASE' ? path('base.json') : a === 'OUT.txt' ? path('out.txt') : a.endsWith('.json') ? path(a) : a));
    const r = await cli([...argv, ...(argv.includes('--out') ? [] : ['--out', out])]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path('out.txt'))).toBe(false);
  });
});

describe('--help and --version', () => {
  const commands = ['list', 'probe', 'compute', 'verify', 'run', 'focus', 'serve', 'compare', 'report'];

  it.each(commands)('mixscope %s --help prints its own usage', async (command) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli([command, flag]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: mixscope ${command}`));
    }
  });

  it.each(['list', 'probe', 'compute', 'verify', 'run', 'focus', 'compare'])('mixscope %s --help describes every option it accepts', async (command) => {
    const r = await cli([command, '--no-such-option']);
    const accepted = /\(options: ([^)]*)\)/.exec(r.err)?.[1]?.split(', ') ?? [];
    expect(accepted.length).toBeGreaterThan(0);
    for (const option of accepted) expect(COMMAND_HELP[command]).toMatch(new RegExp(`${option}\\b`));
  });

  it('mixscope --version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = await cli(['--version']);
    expect(r).toEqual({ code: 0, out: `mixscope ${version}\n`, err: '' });
  });
});
