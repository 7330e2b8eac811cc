/**
 * The device kit's JavaScript, from a bundle in a fresh folder with no node_modules of ours: the
 * CLI answers, the process entries it forks are bundled beside it where the hosts look for them,
 * and the kit's own commands (shapes, offers-f16, bench) do what run.sh relies on. The whole kit
 * (Node binary, Dawn, a --quick sweep with the system node unusable) takes minutes on a software
 * adapter: scripts/device-kit/stranger-test.sh, outside `npm test`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleKit, type BundledFile } from '../../scripts/device-kit/bundle.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');

describe('device kit bundle', () => {
  let dir: string;
  let bundles: BundledFile[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kit-test-'));
    bundles = await bundleKit(REPO, dir, { 'scripts/device-kit/cli-entry.ts': 'mixscope.mjs', 'scripts/device-kit/kit-main.ts': 'kit.mjs' });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'mixscope', version: '9.9.9-kit', type: 'module' }));
    // The kit's webgpu loader (device-kit.ts ships index.js with dawn.node unpacked beside it by run.sh).
    const webgpu = join(dir, 'node_modules', 'webgpu');
    await mkdir(webgpu, { recursive: true });
    await copyFile(join(REPO, 'node_modules/webgpu/index.js'), join(webgpu, 'index.js'));
    await writeFile(join(webgpu, 'package.json'), JSON.stringify({ name: 'webgpu', type: 'module', main: 'index.js' }));
    await symlink(join(REPO, 'node_modules/webgpu/dist'), join(webgpu, 'dist'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const node = (args: string[]) => run(process.execPath, args, { cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: dir } });

  it('bundles the CLI and every process entry its sources fork, where the hosts look for them', () => {
    const outs = bundles.map((b) => b.out);
    expect(outs).toEqual(expect.arrayContaining(['mixscope.mjs', 'kit.mjs']));
    // The compute host the CLI forks (host-process.ts: new URL('./host-entry.mjs', import.meta.url)).
    expect(outs.filter((o) => o.startsWith('src-main/gpu/node/') && o.endsWith('.mjs')).length).toBeGreaterThan(0);
    for (const b of bundles) expect(existsSync(join(dir, b.out)), b.out).toBe(true);
  });

  it('runs the CLI from the bundle alone, reading the kit package.json by its repository-relative path', async () => {
    const { stdout } = await node([join(dir, 'mixscope.mjs'), 'list', '--json']);
    const listed = JSON.parse(stdout) as { mixers: { id: string }[] };
    expect(listed.mixers.map((m) => m.id)).toContain('softmax-attention');
  });

  it('prints the sweep shapes run.sh evaluates', async () => {
    const quick = (await node([join(dir, 'kit.mjs'), 'shapes', '--quick'])).stdout;
    expect(quick).toMatch(/^lengths=128,256\nd=32\ndv=32\n$/);
    expect((await node([join(dir, 'kit.mjs'), 'shapes'])).stdout).toContain('lengths=128,256,512,1024,2048,4096,8192');
  });

  it('says why float16 is not run, and exits 0 only when the wgsl host offers it', async () => {
    const probe = (features: string[], dtypes: string[]) => ({ wgslHosts: [{ id: 'wgsl', available: true, features, dtypes }] });
    const check = async (body: object) => {
      await writeFile(join(dir, 'probe.json'), JSON.stringify(body));
      return node([join(dir, 'kit.mjs'), 'offers-f16', join(dir, 'probe.json')]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    };
    expect(await check(probe([], ['float32']))).toEqual({ code: 1, out: 'float16: the adapter lacks shader-f16\n' });
    expect((await check(probe(['shader-f16'], ['float32']))).out).toContain('offers no float16 kernels');
    expect(await check(probe(['shader-f16'], ['float32', 'float16']))).toEqual({ code: 0, out: 'float16: offered\n' });
    expect((await check({ wgslHosts: [] })).code).toBe(1);
  });

  it('writes the bench JSON: medians of the record’s measured points and ratios to PyTorch at matching L and dtype', async () => {
    const record = join(REPO, 'src-main/engine/record/golden/valid-v1.json');
    const torch = { points: [{ kernel: 'sdpa', L: 128, dtype: 'float32', medianMs: 0.5, p10Ms: 0.4, p90Ms: 0.6 }, { kernel: 'sdpa', L: 128, dtype: 'float16', medianMs: 0.1 }] };
    await writeFile(join(dir, 'torch.json'), JSON.stringify(torch));
    await node([join(dir, 'kit.mjs'), 'bench', '--out', join(dir, 'bench.json'), '--record', record, '--torch', join(dir, 'torch.json')]);
    const bench = JSON.parse(await readFile(join(dir, 'bench.json'), 'utf8')) as { medians: { mixer: string; form: string; L: number; medianMs: number }[]; ratios: { name: string; L: number; ratio: number }[] };
    const golden = JSON.parse(await readFile(record, 'utf8')) as { points: { status: string; stats: { p50: number } | null; form: string; L: number }[] };
    const measured = golden.points.filter((p) => p.status === 'ok' && p.stats);
    expect(bench.medians).toHaveLength(measured.length);
    const ratios = bench.ratios.filter((r) => r.L === 128);
    for (const r of ratios) expect(r.name).toMatch(/^softmax-attention\/(fused|materialized) (js|wgsl)\/float32 ÷ torch sdpa$/);
    expect(ratios).toHaveLength(2);
    const fused = measured.find((p) => p.form === 'fused' && p.L === 128);
    if (fused) expect(ratios.find((r) => r.name.startsWith('softmax-attention/fused'))?.ratio).toBeCloseTo(fused.stats!.p50 / 0.5, 12);
  });
});
