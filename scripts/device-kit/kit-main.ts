/**
 * The device kit's own commands (bundled as kit.mjs beside the CLI):
 *   shapes  --quick|--full                 the sweep's lengths and widths, one `L,d,dv` line per shape
 *   offers-f16 PROBE.json                  exit 0 when the probed wgsl host offers float16, else
 *                                          1 with the reason on stdout
 *   autotune --out FILE                    the matmul tile's autotuner on Dawn's first adapter
 *                                          (MIXSCOPE_DAWN_ROUTES): every candidate's check and time
 *   bench   --out FILE --record R.json... [--torch T.json]
 *                                          the bench JSON: our medians per point from the run
 *                                          records, PyTorch's at the same shapes, and the ratios
 * The shapes live here so that run.sh, the sweep and the PyTorch script agree on them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseRunRecordText } from '../../src-main/engine/record/parse.js';
import { createDawnDevice, DAWN_ROUTES, parseDawnRoutes } from '../../src-main/gpu/node/dawn.js';
import { fileShaderLoader } from '../../src-main/gpu/node/shader-files.js';
import { autotuneMatmul } from '../../src-main/gpu/wgsl/autotune.js';
import { PipelineCache } from '../../src-main/gpu/wgsl/pipelines.js';
import type { BenchMedian, BenchRatio } from '../bench/section.js';

/** Quick: what a software adapter affords in a few minutes. Full: a real GPU within the kit's 8 minutes. */
export const KIT_SWEEPS = {
  quick: { lengths: [128, 256], d: 32, dv: 32 },
  full: { lengths: [128, 256, 512, 1024, 2048, 4096, 8192], d: 64, dv: 64 },
} as const;

/** Which of our mixer/form pairs a PyTorch timing stands beside. */
const TORCH_PAIRS: Readonly<Record<string, readonly string[]>> = {
  sdpa: ['softmax-attention/fused', 'softmax-attention/materialized'],
  'softmax-manual': ['softmax-attention/fused', 'softmax-attention/materialized'],
  'ssd-chunked': ['ssd/chunked'],
  'linear-attention-recurrent': ['linear-attention/recurrent'],
};

interface TorchPoint {
  readonly kernel: string;
  readonly L: number;
  readonly dtype: string;
  readonly medianMs: number;
  readonly p10Ms: number;
  readonly p90Ms: number;
}

async function medians(path: string): Promise<BenchMedian[]> {
  const record = parseRunRecordText(await readFile(path, 'utf8'), path);
  return record.points.flatMap((p) =>
    p.status === 'ok' && p.stats
      ? [{ mixer: p.mixer, form: p.form, backend: `${p.backend}/${p.dtype}`, L: p.L, medianMs: p.stats.p50, p10Ms: p.stats.p10, p90Ms: p.stats.p90, noisy: p.stats.noisy }]
      : [],
  );
}

function torchRatios(ours: readonly BenchMedian[], torch: readonly TorchPoint[]): BenchRatio[] {
  const out: BenchRatio[] = [];
  for (const t of torch) {
    for (const pair of TORCH_PAIRS[t.kernel] ?? []) {
      for (const m of ours.filter((o) => `${o.mixer}/${o.form}` === pair && o.L === t.L && o.backend.endsWith(`/${t.dtype}`))) {
        if (t.medianMs > 0) out.push({ name: `${pair} ${m.backend} ÷ torch ${t.kernel}`, L: t.L, ratio: m.medianMs / t.medianMs });
      }
    }
  }
  return out;
}

async function bench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, record: { type: 'string', multiple: true }, torch: { type: 'string' } } });
  if (!values.out) throw new Error('kit bench: --out FILE is required');
  const ours = (await Promise.all((values.record ?? []).map(medians))).flat();
  const torch = values.torch ? ((JSON.parse(await readFile(values.torch, 'utf8')) as { points: TorchPoint[] }).points ?? []) : [];
  const report = {
    date: new Date().toISOString(),
    node: process.versions.node,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    records: values.record ?? [],
    medians: ours,
    torch,
    ratios: torchRatios(ours, torch),
  };
  await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
}

function shapes(argv: string[]): void {
  const sweep = argv.includes('--quick') ? KIT_SWEEPS.quick : KIT_SWEEPS.full;
  process.stdout.write(`lengths=${sweep.lengths.join(',')}\nd=${sweep.d}\ndv=${sweep.dv}\n`);
}

interface ProbedHost {
  readonly id: string;
  readonly available: boolean;
  readonly features?: readonly string[];
  readonly dtypes?: readonly string[];
}

async function offersF16(path: string | undefined): Promise<number> {
  if (!path) throw new Error('kit offers-f16: PROBE.json is required');
  const probe = JSON.parse(await readFile(path, 'utf8')) as { wgslHosts?: ProbedHost[] };
  const host = probe.wgslHosts?.find((h) => h.id === 'wgsl' && h.available);
  let reason: string | undefined;
  if (!host) reason = 'no wgsl host available';
  else if (host.dtypes?.includes('float16')) reason = undefined;
  else if (host.features?.includes('shader-f16')) reason = 'the adapter has shader-f16, but the wgsl backend offers no float16 kernels';
  else reason = 'the adapter lacks shader-f16';
  process.stdout.write(`float16: ${reason ?? 'offered'}\n`);
  return reason ? 1 : 0;
}

async function autotune(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('kit autotune: --out FILE is required');
  const dawn = await createDawnDevice(parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']) ?? DAWN_ROUTES);
  try {
    const tuning = await autotuneMatmul(dawn.device, new PipelineCache(dawn.device, fileShaderLoader()));
    const { vendor, architecture, device, description } = dawn.adapter.info;
    await writeFile(values.out, `${JSON.stringify({ route: dawn.route, adapter: { vendor, architecture, device, description }, ...tuning }, null, 2)}\n`);
    process.stdout.write(`autotune: ${tuning.label} (${tuning.speedupOverDefault.toFixed(3)} × the default's time at N = ${tuning.n})\n`);
  } finally {
    dawn.device.destroy();
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'bench') await bench(rest);
  else if (command === 'shapes') shapes(rest);
  else if (command === 'autotune') await autotune(rest);
  else if (command === 'offers-f16') process.exitCode = await offersF16(rest[0]);
  else throw new Error(`kit: unknown command '${command ?? ''}' (commands: shapes, offers-f16, autotune, bench)`);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
