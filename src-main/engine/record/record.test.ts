/**
 * Golden files: the valid record of the current version read and written back byte for byte, the
 * valid record of every earlier version migrated on read, corrupt ones refused by path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../core/errors.js';
import { appendPoint, finishRunRecord, newRunId, startRunRecord } from './build.js';
import { CSV_COLUMNS, runRecordToCsv } from './csv.js';
import { runRecordToJson } from './json.js';
import { parseRunRecord, parseRunRecordText } from './parse.js';
import { RECORD_VERSION } from './schema.js';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
const golden = (name: string): string => readFileSync(`${goldenDir}${name}`, 'utf8');
const validText = golden(`valid-v${RECORD_VERSION}.json`);
/** Every version ever written has its golden file: v1 up to the current one, none missing. */
const goldenVersions = readdirSync(goldenDir)
  .map((name) => /^valid-v(\d+)\.json$/.exec(name)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

describe(`run record v${RECORD_VERSION}`, () => {
  it('parses the golden file and writes it back unchanged', () => {
    const record = parseRunRecord(JSON.parse(validText));
    expect(record.points).toHaveLength(6);
    expect(runRecordToJson(record)).toBe(validText);
  });

  it('has a golden file for every version from 1 to the current one', () => {
    expect(goldenVersions).toEqual(Array.from({ length: RECORD_VERSION }, (_, i) => i + 1));
  });

  it.each(goldenVersions.filter((v) => v < RECORD_VERSION))('reads a v%i record, migrated to the current version', (version) => {
    const old = JSON.parse(golden(`valid-v${version}.json`));
    const record = parseRunRecord(old);
    expect(record.version).toBe(RECORD_VERSION);
    expect(record.id).toBe(old.id);
    expect(record.points.map((p) => [p.mixer, p.form, p.L, p.status])).toEqual(old.points.map((p: { mixer: string; form: string; L: number; status: string }) => [p.mixer, p.form, p.L, p.status]));
    expect(record.points.map((p) => p.samplesMs)).toEqual(old.points.map((p: { samplesMs: number[] }) => p.samplesMs));
  });

  it("reads the status 'interrupted' (added in v2)", () => {
    const json = JSON.parse(validText);
    json.status = 'interrupted';
    delete json.finishedAt;
    expect(parseRunRecord(json).status).toBe('interrupted');
    json.status = 'crashed';
    expect(() => parseRunRecord(json)).toThrow('status: expected one of "running"|"complete"|"cancelled"|"failed"|"interrupted"');
  });

  it('round-trips a point kernelConfig (added in v5) and refuses an unknown source', () => {
    const json = JSON.parse(validText);
    const config = { kernel: 'wgsl-matmul-tile', params: { microM: 4, depth: 32 }, source: 'cached' };
    json.points[0].kernelConfig = config;
    const back = parseRunRecord(JSON.parse(runRecordToJson(parseRunRecord(json))));
    expect(back.points[0]!.kernelConfig).toEqual(config);
    expect(back.points[2]!.kernelConfig).toBeUndefined();
    expect(runRecordToCsv(back).split('\n')[1]).toContain('wgsl-matmul-tile microM=4;depth=32 (cached)');
    json.points[0].kernelConfig.source = 'guessed';
    expect(() => parseRunRecord(json)).toThrow('points[0].kernelConfig.source: expected one of "autotuned"|"cached"|"default"');
  });

  it("reads a float16 point (added in v6) and refuses an unknown dtype", () => {
    const json = JSON.parse(validText);
    const record = parseRunRecord(json);
    expect(record.points.filter((p) => p.dtype === 'float16').map((p) => [p.backend, p.form, p.error?.tolerance])).toEqual([['wgsl', 'fused', 0.01]]);
    expect(record.environment.backends.find((b) => b.id === 'wgsl')?.dtypes).toContain('float16');
    json.points[2].dtype = 'float8';
    expect(() => parseRunRecord(json)).toThrow('points[2].dtype: expected one of "float64"|"float32"|"float16"');
  });

  it('refuses a version that is not a positive integer', () => {
    const json = JSON.parse(validText);
    json.version = 0;
    expect(() => parseRunRecord(json)).toThrow(`version: expected an integer from 1 to ${RECORD_VERSION}, got 0`);
  });

  it('writes the golden CSV with full float precision', () => {
    const csv = runRecordToCsv(parseRunRecord(JSON.parse(validText)));
    expect(csv).toBe(golden(`valid-v${RECORD_VERSION}.csv`));
    expect(csv).toContain('0.30000000000000004');
    expect(csv).toContain('1.7777777777777777');
    expect(csv.split('\n')[0]!.split(',')).toEqual([...CSV_COLUMNS]);
  });

  it.each([
    ['corrupt-sample-type.json', 'points[3].samplesMs[0]: expected number, got string'],
    ['corrupt-format.json', "format: expected 'mixscope-run', got \"speedscope\""],
    ['corrupt-future-version.json', `version: 99 is newer than this mixscope reads (up to ${RECORD_VERSION}); update mixscope`],
    ['corrupt-missing-cpu.json', 'environment.cpu: missing (expected object)'],
    ['corrupt-status.json', 'points[0].status: expected one of "ok"|"over-budget"|"over-limit"|"device-lost"|"host-crashed"|"failed"|"skipped"|"unsupported"'],
  ])('refuses %s with the path of the problem', (file, message) => {
    const parse = () => parseRunRecord(JSON.parse(golden(file)));
    expect(parse).toThrow(MixscopeError);
    expect(parse).toThrow(message);
  });

  it('refuses truncated JSON and names the source', () => {
    expect(() => parseRunRecordText(golden('corrupt-truncated.json'), 'run.json')).toThrow(/^run\.json is not valid JSON/);
    expect(() => parseRunRecordText('[]', 'run.json')).toThrow('run.json: not a mixscope run record: expected a JSON object');
  });

  it('refuses non-finite numbers written by other tools', () => {
    const json = JSON.parse(validText);
    json.points[0].stats.p50 = 'Infinity';
    expect(() => parseRunRecord(json)).toThrow('points[0].stats.p50: expected number, got string');
  });

  it('builds a record through its life: running, points, complete', () => {
    const json = JSON.parse(validText);
    const started = startRunRecord({ id: newRunId(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)), () => 0.5), startedAt: '2025-01-02T03:04:05.006Z', environment: json.environment, settings: json.settings });
    expect(started.id).toMatch(/^20250102T030405-006Z-[0-9a-z]{4}$/);
    expect(parseRunRecord(started).status).toBe('running');
    const withPoint = appendPoint(started, json.points[0]);
    const done = finishRunRecord(withPoint, { status: 'cancelled', finishedAt: '2025-01-02T03:05:00.000Z' });
    expect(parseRunRecord(JSON.parse(runRecordToJson(done)))).toMatchObject({ status: 'cancelled', points: [{ L: 128 }] });
  });
});
