/**
 * Hostile inputs against a live web-mode server: run files planted in the history folder, hostile
 * imports and ids over the contract, hostile HTTP requests, hostile `.npy` headers and CSV cells.
 * Each is refused or shown for what it is, with a reason; the good run keeps every point and the
 * server keeps answering.
 */
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN_FILE_BYTES } from '../../src-main/contract/transfer-limits.js';
import { readNpy } from '../../src-main/engine/npy/npy.js';
import { runRecordToJson } from '../../src-main/engine/record/json.js';
import { parseRunRecordText } from '../../src-main/engine/record/parse.js';
import { RECORD_VERSION, type RunRecord } from '../../src-main/engine/record/schema.js';
import { startLiveServer, type LiveServer } from './live-server.js';
import { newTally, printTally } from './tally.js';

const tally = newTally('hostile-inputs');
const goldenPath = fileURLToPath(new URL(`../../src-main/engine/record/golden/valid-v${RECORD_VERSION}.json`, import.meta.url));
let live: LiveServer;
let page: Awaited<ReturnType<LiveServer['connect']>>;
let good: RunRecord;

beforeAll(async () => {
  live = await startLiveServer();
  page = await live.connect();
  good = parseRunRecordText(await readFile(goldenPath, 'utf8'));
  await page.client.importRun({ fileName: 'good.json', text: runRecordToJson(good) });
});
afterAll(async () => {
  page.close();
  await live.stop();
  printTally(tally);
});

/** The good run is still listed and whole, and the server answers. */
async function intact(): Promise<void> {
  const listed = await page.client.listRuns({});
  expect(listed.find((r) => r.id === good.id)).toMatchObject({ status: good.status, points: good.points.length });
  const reopened = await page.client.openRun({ id: good.id });
  tally.pointsLost += good.points.length - reopened.points.length;
  expect(await live.answers()).toBe(true);
}

describe('hostile inputs', () => {
  it('lists every planted bad file as unreadable with its reason, never failing the list', async () => {
    const runs = join(live.dir, 'runs');
    const planted: Record<string, string | Buffer> = {
      'truncated.json': runRecordToJson(good).slice(0, 500),
      'binary.json': Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 73) % 256)),
      'empty.json': '',
      'future.json': JSON.stringify({ ...good, id: 'future', version: 99 }),
      'other-id.json': runRecordToJson({ ...good, id: 'not-the-file-name' }),
      'nested.json': `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      'proto.json': '{"__proto__": {"polluted": true}, "format": "mixscope-run", "version": 1}',
    };
    for (const [name, content] of Object.entries(planted)) await writeFile(join(runs, name), content);
    await mkdir(join(runs, 'folder.json'));
    await symlink('/etc/passwd', join(runs, 'passwd.json'));
    await writeFile(join(runs, 'huge.json'), '');
    await truncate(join(runs, 'huge.json'), 300 * 1024 * 1024);
    // A dead writer's point log with a garbage line in the middle, beside its head.
    await writeFile(join(runs, 'torn.json'), runRecordToJson({ ...good, id: 'torn', status: 'running', points: [] }));
    await writeFile(join(runs, 'torn.points.jsonl'), `{"log":"mixscope-points","run":"torn","writer":{"pid":999999999,"host":"x","token":"t"}}\n${JSON.stringify(good.points[0])}\n#garbage\n${JSON.stringify(good.points[1])}\n`);
    await writeFile(join(runs, '.index.json'), '{"version":1,"entries":{"ghost":{"stamp":1}}}');
    tally.badInputsTried += Object.keys(planted).length + 5;
    const listed = await page.client.listRuns({});
    const problem = (id: string) => listed.find((r) => r.id === id)?.problem ?? '';
    expect(problem('truncated')).toMatch(/^truncated\.json is not valid JSON/);
    expect(problem('binary')).toMatch(/is not valid JSON/);
    expect(problem('future')).toMatch(/version: 99 is newer than this mixscope reads/);
    expect(problem('nested')).toMatch(/not a mixscope run record|format/);
    expect(problem('proto')).toMatch(/format|version|missing/);
    expect(problem('huge')).toMatch(/over the 268435456 a run file may have/);
    expect(problem('folder')).toMatch(/cannot read/);
    expect(problem('passwd')).toMatch(/not valid JSON/);
    expect(problem('torn')).toMatch(/torn\.points\.jsonl line 3: /);
    expect(listed.filter((r) => r.status === 'unreadable').length).toBeGreaterThanOrEqual(9);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    await intact();
  });

  it('refuses hostile imports with a reason and changes nothing', async () => {
    const before = (await page.client.listRuns({})).length;
    const imports: [string, string, RegExp][] = [
      ['long-id.json', runRecordToJson({ ...good, id: 'a'.repeat(200) }), /id: expected a run id/],
      ['slash-id.json', runRecordToJson({ ...good, id: '../../etc/cron.d/x' }), /id: expected a run id/],
      ['dot-id.json', runRecordToJson({ ...good, id: '.index' }), /id: expected a run id/],
      ['nan.json', runRecordToJson(good).replace('"samplesMs": [', '"samplesMs": ["NaN", '), /samplesMs\[0\]: expected number, got string/],
      ['not-json.json', 'mixscope', /is not valid JSON/],
      ['array.json', '[]', /expected a JSON object/],
    ];
    for (const [fileName, text, reason] of imports) {
      await expect(page.client.importRun({ fileName, text })).rejects.toMatchObject({ message: expect.stringMatching(reason) });
      tally.badInputsTried++;
    }
    const oversized = await live.services.dispatch('importRun', { fileName: 'big.json', text: ' '.repeat(MAX_RUN_FILE_BYTES + 1) });
    expect(oversized).toMatchObject({ ok: false, error: { message: expect.stringMatching(/over the 32 MiB a run file may have/) } });
    tally.badInputsTried++;
    expect((await page.client.listRuns({})).length).toBe(before);
    await intact();
  });

  it('refuses hostile ids in every call that names a run', async () => {
    for (const id of ['../etc/passwd', '', 'a'.repeat(129), '.index', 'x/y', 'x\\y', 'nul\u0000', ' run', '-rf']) {
      for (const call of [() => page.client.openRun({ id }), () => page.client.deleteRun({ id }), () => page.client.exportRun({ id, format: 'csv' })]) {
        await expect(call()).rejects.toMatchObject({ code: 'invalid-request' });
        tally.badInputsTried++;
      }
    }
    await intact();
  });

  it('exports record text as inert CSV cells', async () => {
    const hostile = { ...good, id: 'formula', points: good.points.map((p) => ({ ...p, host: '=HYPERLINK("http://evil.example","x")', reason: '@SUM(A1)' })) };
    await page.client.importRun({ fileName: 'formula.json', text: runRecordToJson(hostile) });
    const { text } = await page.client.exportRun({ id: 'formula', format: 'csv' });
    expect(text).not.toMatch(/(^|,)"?[=@]/m);
    expect(text).toContain(`'=HYPERLINK`);
    tally.badInputsTried++;
    await intact();
  });

  it('answers hostile HTTP requests and stays up', async () => {
    expect(await live.get('/', { cookie: false })).toBe(401);
    expect(await live.get('/?token=guess', { cookie: false })).toBe(401);
    expect(await live.get('/', { host: 'evil.example' })).toBe(421);
    expect(await live.get('/../../../../etc/passwd')).toBe(404);
    expect(await live.get('/%00')).toBe(404);
    expect(await live.get(`/${'a'.repeat(20_000)}`)).toBe(431);
    tally.badInputsTried += 6;
    await new Promise<void>((done) => {
      const raw = connect(live.server.port, '127.0.0.1', () => raw.write('BREW /pot HTCPCP/1.0\r\n\r\n'));
      raw.on('error', () => undefined);
      raw.on('close', () => done());
      raw.resume();
    });
    tally.badInputsTried++;
    await intact();
  });

  it.each([
    ["'0x4'", "(0x4,)", "holds '0x4'"],
    ["'8.0'", "(8.0,)", "holds '8.0'"],
    ['a size of 8 TB', '(1000000, 1000000)', 'is over the 1073741824 bytes'],
  ])('refuses a .npy shape with %s before allocating', (_what, shape, message) => {
    const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`.padEnd(117, ' ') + '\n';
    const bytes = new Uint8Array(128 + 8);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0]);
    bytes.set(Buffer.from(dict, 'latin1'), 10);
    expect(() => readNpy(bytes, 'Q.npy')).toThrow(message);
    tally.badInputsTried++;
  });
});
