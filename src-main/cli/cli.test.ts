/** The command line through main(argv) with captured output, and the real binary for exit codes. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../engine/core/random.js';
import { roundArrayToHalf } from '../engine/core/half.js';
import { relativeError, tensor } from '../engine/core/tensor.js';
import { resolveParams } from '../engine/core/validate.js';
import { readNpy, writeNpy } from '../engine/npy/npy.js';
import { parseRunRecordText } from '../engine/record/parse.js';
import { getMixer } from '../engine/registry.js';
import { createJsBackend } from '../engine/backends/js.js';
import { BACKEND_FACTORIES, registerBackend } from './backends.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], onOut?: (text: string, interrupt: () => void) => void): Promise<Captured> {
  let out = '';
  let err = '';
  let interrupt = () => {};
  const io: CliIo = {
    stdout: (t) => {
      out += t;
      onOut?.(t, interrupt);
    },
    stderr: (t) => void (err += t),
    isTTY: false,
    onInterrupt: (handler) => {
      interrupt = handler;
      return () => {
        interrupt = () => {};
      };
    },
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const softmax = getMixer('softmax-attention');
const params = resolveParams(softmax);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mixscope-cli-'));
  const inputs = softmax.randomInputs(softmax.dims({ L: 12, d: 4, dv: 3, state: 2 }, params), createRng(3), params);
  for (const [name, t] of Object.entries(inputs)) await writeFile(join(dir, `${name}.npy`), writeNpy(t));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of the inputs folder with one file replaced (or removed when bytes is undefined). */
async function variant(name: string, bytes?: Uint8Array): Promise<string> {
  const out = await mkdtemp(join(dir, 'case-'));
  for (const t of ['Q', 'K', 'V']) await writeFile(join(out, `${t}.npy`), await readFile(join(dir, `${t}.npy`)));
  if (bytes) await writeFile(join(out, `${name}.npy`), bytes);
  else await rm(join(out, `${name}.npy`));
  return out;
}

/** The same bytes with the header's dtype '<f8' rewritten to '<i8' (int64, same width). */
function asInt64(npy: Uint8Array): Uint8Array {
  const at = new TextDecoder('latin1').decode(npy.subarray(0, 64)).indexOf("'<f8'");
  const out = Uint8Array.from(npy);
  out[at + 2] = 'i'.charCodeAt(0);
  return out;
}

describe('mixscope list', () => {
  it('lists every mixer with its forms, as text and JSON', async () => {
    const json = await cli(['list', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { mixers: { id: string; forms: { id: string }[] }[]; backends: string[] };
    expect(parsed.mixers.find((m) => m.id === 'softmax-attention')!.forms.map((f) => f.id)).toEqual(['materialized', 'fused']);
    expect(parsed.backends).toContain('js');
    expect((await cli(['list'])).out).toMatch(/^softmax-attention\s+§1\s+forms: materialized, fused$/m);
  });
});

describe('mixscope compute', () => {
  it('computes Y from .npy inputs and writes it as .npy', async () => {
    const out = join(dir, 'Y.npy');
    const r = await cli(['compute', '--mixer', 'softmax-attention', '--form', 'fused', '--in', dir, '--out', out, '--dtype', 'float32']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^wrote Y \[12, 3\] float32 to /);
    const y = readNpy(await readFile(out));
    expect(y.data).toBeInstanceOf(Float32Array);
    const inputs = Object.fromEntries(await Promise.all(['Q', 'K', 'V'].map(async (n) => [n, readNpy(await readFile(join(dir, `${n}.npy`)))])));
    expect(relativeError(y, softmax.reference(inputs, params)).relative).toBeLessThan(1e-4);
  });

  const bad = (what: string) => ({ what });
  it.each([
    [bad('unknown mixer'), async () => ['--mixer', 'nope', '--in', dir], /^mixscope compute: unknown mixer 'nope' \(mixers: softmax-attention/],
    [bad('unknown form'), async () => ['--mixer', 'softmax-attention', '--form', 'x', '--in', dir], /has no form 'x'/],
    [bad('missing tensor'), async () => ['--mixer', 'softmax-attention', '--in', await variant('V')], /needs tensor 'V' \[L, dv\]: .*V\.npy does not exist/],
    [bad('wrong shape'), async () => ['--mixer', 'softmax-attention', '--in', await variant('K', writeNpy(tensor([5, 4], new Float64Array(20))))], /tensor 'K' has L = 5 on axis 0, but an earlier tensor set L = 12/],
    [bad('wrong dtype'), async () => ['--mixer', 'softmax-attention', '--in', await variant('Q', asInt64(writeNpy(tensor([12, 4], new Float64Array(48)))))], /Q\.npy: dtype '<i8' is not supported/],
    [bad('L = 0'), async () => ['--mixer', 'softmax-attention', '--in', await variant('Q', writeNpy(tensor([0, 4], new Float64Array(0))))], /size 0 on axis 0 \(L\); sizes must be positive/],
    [bad('corrupt .npy'), async () => ['--mixer', 'softmax-attention', '--in', await variant('V', new TextEncoder().encode('not numpy at all'))], /V\.npy: not a NumPy \.npy file \(bad magic/],
    [bad('bad parameter'), async () => ['--mixer', 'softmax-attention', '--in', dir, '--param', 'scale=-1'], /parameter 'scale' of softmax-attention must lie in \[0, inf\]; got -1/],
    [bad('unknown parameter'), async () => ['--mixer', 'softmax-attention', '--in', dir, '--param', 'tau=1'], /softmax-attention has no parameter 'tau'/],
    [bad('bad flag'), async () => ['--mixer', 'softmax-attention', '--in', dir, '--frobnicate'], /unknown option '--frobnicate'/],
    [bad('bad dtype'), async () => ['--mixer', 'softmax-attention', '--in', dir, '--dtype', 'float8'], /--dtype must be float64, float32 or float16; got 'float8'/],
    [bad('float16 (CPU kernels)'), async () => ['--mixer', 'softmax-attention', '--in', dir, '--dtype', 'float16'], /--dtype float16 runs only on the wgsl backend .*compute runs the CPU kernels in float64 or float32/],
  ])('refuses $what with one line and writes nothing', async (_case, args, message) => {
    const out = join(dir, `never-${Math.random()}.npy`);
    const r = await cli(['compute', ...(await args()), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('lets the gates a be left out unless the mask reads them', async () => {
    const out = join(dir, 'masked.npy');
    const causal = await cli(['compute', '--mixer', 'masked-attention', '--form', 'four-step', '--in', dir, '--param', 'mask=causal', '--out', out]);
    expect(causal.code).toBe(0);
    // With no gates to read, the causal mask is the simplified linear attention of the same tensors.
    const inputs = Object.fromEntries(await Promise.all(['Q', 'K', 'V'].map(async (n) => [n, readNpy(await readFile(join(dir, `${n}.npy`)))])));
    const simple = getMixer('simple-linear-attention');
    expect(relativeError(readNpy(await readFile(out)), simple.reference(inputs, resolveParams(simple))).relative).toBeLessThan(1e-12);
    const selective = await cli(['compute', '--mixer', 'masked-attention', '--in', dir, '--param', 'mask=selective', '--out', join(dir, 'never.npy')]);
    expect(selective).toMatchObject({ code: 1 });
    expect(selective.err).toMatch(/masked-attention needs tensor 'a' \[L\]: .*a\.npy does not exist/);
  });

  it('refuses a missing required flag', async () => {
    expect(await cli(['compute', '--mixer', 'softmax-attention'])).toMatchObject({ code: 1, err: 'mixscope compute: --in is required\n' });
  });
});

describe('mixscope verify', () => {
  it('prints a table of every form against the reference', async () => {
    const r = await cli(['verify', '--mixer', 'softmax-attention', '--L', '16']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^softmax-attention\s+fused\s+float32\s+\S+\s+\S+\s+1e-4\s+ok$/m);
    expect(r.out).toContain('4 passed, 0 failed (backend js, L=16)');
  });

  it('exits 1 when a backend is wrong, through a registered factory', async () => {
    const js = createJsBackend();
    registerBackend('gpujs-cpu', async () => ({
      ...js,
      id: 'gpujs-cpu',
      async prepare(request) {
        const kernel = await js.prepare(request);
        return { ...kernel, read: async () => ({ output: tensor([...request.inputs['V']!.shape], new Float64Array(request.inputs['V']!.data.length).fill(1)), readbackMs: 0 }) };
      },
    }));
    try {
      const r = await cli(['verify', '--mixer', 'softmax-attention', '--backend', 'gpujs-cpu', '--dtype', 'float64', '--L', '8']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/materialized\s+float64\s+.*FAIL/);
      expect(r.out).toContain('0 passed, 2 failed');
    } finally {
      BACKEND_FACTORIES.delete('gpujs-cpu');
    }
  });

  it('refuses float16 on a backend that does not offer it, saying why', async () => {
    const r = await cli(['verify', '--mixer', 'softmax-attention', '--dtype', 'float16', '--L', '8']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^mixscope verify: --dtype float16: no chosen backend offers it \(js: computes in float64, float32 only\)$/m);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('mixscope run', () => {
  const small = ['--mixers', 'softmax-attention', '--lengths', '8,16', '--d', '4', '--dv', '4', '--reps', '2', '--warmup', '0', '--min-time', '0'];

  it('writes a valid record and a CSV, one progress line per point', async () => {
    const out = join(dir, 'run', 'r.json');
    const r = await cli(['run', ...small, '--out', out]);
    expect(r.code).toBe(0);
    // Points are visited in a seeded random order: one progress line each, numbered as they land.
    for (const line of ['materialized js L=8', 'materialized js L=16', 'fused js L=8', 'fused js L=16']) {
      expect(r.out).toMatch(new RegExp(`^\\[[1-4]/4\\] softmax-attention/${line} ok `, 'm'));
    }
    expect(r.out).toMatch(/^\[4\/4\] /m);
    const record = parseRunRecordText(await readFile(out, 'utf8'));
    expect(record).toMatchObject({ status: 'complete', settings: { lengths: [8, 16], d: 4 } });
    expect(record.points.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(record.environment.backends[0]).toMatchObject({ id: 'js', available: true });
    expect(record.calibration).toEqual([expect.objectContaining({ backend: 'js', dtype: 'float32' })]);
    expect(record.points[0]!.rooflineFraction).toBeGreaterThan(0);
    expect((await readFile(join(dir, 'run', 'r.csv'), 'utf8')).split('\n')[0]).toMatch(/^mixer,form,backend/);
  });

  it('cancels on Ctrl-C and keeps the finished points', async () => {
    const out = join(dir, 'cancel.json');
    const r = await cli(['run', ...small, '--out', out], (text, interrupt) => {
      if (text.startsWith('[1/')) interrupt();
    });
    expect(r.code).toBe(130);
    const record = parseRunRecordText(await readFile(out, 'utf8'));
    expect(record.status).toBe('cancelled');
    // The landed point, and any still-open point landed with the samples it had at the cancel.
    expect(record.points.length).toBeGreaterThanOrEqual(1);
    expect(record.points.some((p) => p.status === 'ok')).toBe(true);
  });

  it('runs float16 where a backend offers it, each point recorded as float16 within its tolerance', async () => {
    // A backend offering float16 as wgsl does on a shader-f16 adapter: the float32 kernels on f16-rounded inputs, output rounded to f16.
    const js = createJsBackend();
    const round = (t: { shape: readonly number[]; data: ArrayLike<number> }) => tensor([...t.shape], roundArrayToHalf(t.data));
    registerBackend('gpujs-cpu', async () => ({
      ...js,
      id: 'gpujs-cpu',
      probe: async () => ({ id: 'gpujs-cpu', available: true, host: 'test', dtypes: ['float32', 'float16'] }),
      support: () => ({ supported: true, fidelity: 'exact' }),
      async prepare(request) {
        const inputs = Object.fromEntries(Object.entries(request.inputs).map(([k, t]) => [k, round(t)]));
        const kernel = await js.prepare({ ...request, inputs, dtype: 'float32' });
        return { ...kernel, read: async () => ({ ...(await kernel.read()), output: round((await kernel.read()).output) }) };
      },
    }));
    try {
      const out = join(dir, 'run', 'f16.json');
      const r = await cli(['run', ...small, '--backends', 'gpujs-cpu,js', '--dtype', 'float16', '--out', out]);
      expect(r.code).toBe(0);
      const record = parseRunRecordText(await readFile(out, 'utf8'));
      const ours = record.points.filter((p) => p.backend === 'gpujs-cpu');
      expect(ours.map((p) => [p.dtype, p.status, p.error?.tolerance, p.error?.pass])).toEqual(Array(4).fill(['float16', 'ok', 1e-2, true]));
      const cpu = record.points.filter((p) => p.backend === 'js');
      expect(cpu.map((p) => [p.status, p.reason])).toEqual(Array(4).fill(['unsupported', expect.stringContaining('float16 is the wgsl backend')]));
    } finally {
      BACKEND_FACTORIES.delete('gpujs-cpu');
    }
  });

  it.each([
    [['--dtype', 'float8'], /--dtype must be float64, float32 or float16; got 'float8'/],
    [['--dtype', 'float16'], /^mixscope run: --dtype float16: no chosen backend offers it \(js: computes in float64, float32 only\)$/m],
    [['--lengths', '128,-4'], /--lengths must be an integer ≥ 1; got '-4'/],
    [['--backends', 'cuda'], /unknown backend 'cuda'/],
    [['--forms', 'fft'], /--forms: no selected mixer has a form 'fft'/],
    [['--param', 'scale=2'], /--param takes mixer\.name=value/],
    [['--memory-budget', 'lots'], /--memory-budget must be a size/],
  ])('refuses %j with one line', async (args, message) => {
    const r = await cli(['run', '--mixers', 'softmax-attention', ...args, '--out', join(dir, 'never.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('mixscope focus', () => {
  it('prints S against L and ‖q‖ as JSON', async () => {
    const r = await cli(['focus', '--mixers', 'softmax-attention', '--lengths', '8,16', '--q-norms', '1,2', '--trials', '2', '--json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { byLength: { mixer: string; points: { L: number; S: number }[] }[] };
    expect(parsed.byLength[0]!.points.map((p) => p.L)).toEqual([8, 16]);
    expect(parsed.byLength[0]!.points[0]!.S).toBeGreaterThan(0);
  });
});

describe('bin/mixscope.mjs', () => {
  const bin = fileURLToPath(new URL('../../bin/mixscope.mjs', import.meta.url));
  const run = promisify(execFile);

  it('exits 0 on success and 1 with one line, no stack, on bad input', async () => {
    const ok = await run(process.execPath, [bin, 'list', '--json']);
    expect(JSON.parse(ok.stdout).mixers.length).toBeGreaterThan(0);
    const failed = await run(process.execPath, [bin, 'compute', '--mixer', 'nope', '--in', dir, '--out', join(dir, 'x.npy')]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^mixscope compute: unknown mixer 'nope'/);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});
