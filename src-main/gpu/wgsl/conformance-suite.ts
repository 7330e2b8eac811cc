/**
 * The WGSL conformance suite, shared by the hosts' tests (the Node worker on Dawn, the compute page
 * on Chromium's WebGPU): every form that has a WGSL kernel, against the mixer's float64 reference
 * (or the form's own), in float32: relative error ≤ 1e-4 at L = 1, 37, 130 and 2048, and the
 * storage bytes allocated equal to the cost model's peak bytes. In float16 the same points within
 * TOLERANCE.float16, the bytes those of the form's f16 buffers (f16-storage.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Backend, BackendProbe } from '../../engine/core/backend.js';
import type { BufferSpec, Dims, Form, Mixer, Params } from '../../engine/core/mixer.js';
import { relativeError, type DType } from '../../engine/core/tensor.js';
import { MIXERS } from '../../engine/registry.js';
import { TOLERANCE } from '../../engine/sweep/measure.js';
import { bufferBytes } from './buffers.js';
import { elementBytes, f16StorageOf, FORM_F32 } from './f16-storage.js';
import { findPlan } from './plans/index.js';
import { gpuDescribe, pointInputs } from './test-host.js';

export interface WgslShape {
  readonly L: number;
  readonly d: number;
  readonly dv: number;
}

/** Small widths, not multiples of the tiles, so the bounds checks are exercised; d = 8 at L = 2048. */
export const WGSL_SHAPES: readonly WgslShape[] = [
  { L: 1, d: 8, dv: 8 },
  { L: 37, d: 12, dv: 10 },
  { L: 130, d: 20, dv: 17 },
  { L: 2048, d: 8, dv: 8 },
];

/** Parameter settings beyond the defaults that take other branches of a kernel. */
export const WGSL_VARIANTS: Readonly<Record<string, readonly Readonly<Record<string, number | string>>[]>> = {
  'masked-attention': [{ mask: 'decay', lambda: 0.9 }, { mask: 'selective' }],
  retention: [{ lambda: 0.8, chunk: 24 }],
  'linear-attention': [{ chunk: 24 }],
  'simple-linear-attention': [{ chunk: 24 }],
  gau: [{ beta: -0.3 }],
  'softmax-attention': [{ scale: 0.5 }],
  ssd: [{ chunk: 100 }],
  hydra: [{ Dskip: 0.3 }],
  'ttt-linear': [{ batch: 5, eta: 0.05 }],
};

export interface WgslSuiteOptions {
  /** The shapes a form runs at (default: all of WGSL_SHAPES); a host may trim the long one. */
  readonly shapesOf?: (mixer: Mixer, form: Form) => readonly WgslShape[];
  /** Whether the parameter variants run too (default: yes). */
  readonly variants?: boolean;
  /** float32 (default) or float16; float16 needs a backend whose probe offers it. */
  readonly dtype?: 'float32' | 'float16';
  /** The suite's title when not the default (the float16 suites say which storage they run on). */
  readonly title?: string;
  /** Registers every test as skipped, with this reason in the suite's title (float16 without shader-f16). */
  readonly skip?: string;
  /** The buffers a point allocates, from the cost model's (default: those; a parallel scan's differ, plan.ts). */
  readonly buffersOf?: (mixer: Mixer, form: Form, dims: Dims, params: Params, buffers: readonly BufferSpec[]) => readonly BufferSpec[];
}

const planned = MIXERS.flatMap((mixer) => mixer.forms.filter((f) => findPlan(mixer.id, f.id)).map((form) => ({ mixer, form })));
const label = (given: Readonly<Record<string, number | string>>): string =>
  Object.entries(given).map(([k, v]) => `${k}=${v}`).join(', ') || 'defaults';

/** Storage bytes a form's buffers take on `probe`'s device at `dtype` (emulated f16 storage keeps f32 buffers). */
function expectedBytes(probe: BackendProbe, mixer: Mixer, form: Form, dtype: DType, buffers: Parameters<typeof bufferBytes>[0][]): number {
  const native = dtype === 'float16' && (probe.features ?? []).includes('shader-f16');
  const bytesOf = elementBytes(native ? f16StorageOf(mixer.id, form.id, 'f16') : FORM_F32);
  return buffers.reduce((n, b) => n + bufferBytes(b, bytesOf), 0);
}

async function checkPoint(backend: Backend, probe: BackendProbe, options: WgslSuiteOptions, mixer: Mixer, form: Form, { L, d, dv }: WgslShape, given: Readonly<Record<string, number | string>>) {
  const dtype = options.dtype ?? 'float32';
  const { params, dims, inputs } = pointInputs(mixer, L, d, dv, given);
  const kernel = await backend.prepare({ mixer, form, inputs, params, dtype });
  try {
    const { output } = await kernel.read();
    const reference = (form.reference ?? mixer.reference)(inputs, params);
    expect(output.shape).toEqual(reference.shape);
    expect(relativeError(output, reference).relative).toBeLessThanOrEqual(TOLERANCE[dtype]);
    const cost = form.cost(dims, params);
    const buffers = options.buffersOf?.(mixer, form, dims, params, cost.buffers) ?? cost.buffers;
    if (dtype === 'float32') expect(kernel.allocatedBytes).toBe(buffers.reduce((n, b) => n + b.elements, 0) * 4);
    else expect(kernel.allocatedBytes).toBe(expectedBytes(probe, mixer, form, dtype, [...buffers]));
  } finally {
    kernel.release();
  }
}

/** Registers the suite on one backend; an absent one is skipped with the reason in the title. */
export function wgslConformance(backend: Backend, probe: BackendProbe, options: WgslSuiteOptions = {}): void {
  const dtype = options.dtype ?? 'float32';
  const title = options.title ?? `wgsl kernels match the float64 reference within ${TOLERANCE[dtype]}`;
  const register = options.skip === undefined ? (body: () => void) => gpuDescribe(probe, title, body) : (body: () => void) => describe.skip(`${title} — SKIPPED: ${options.skip}`, body);
  register(() => {
    for (const { mixer, form } of planned) {
      const settings = [{}, ...(options.variants === false ? [] : (WGSL_VARIANTS[mixer.id] ?? []))];
      for (const shape of options.shapesOf?.(mixer, form) ?? WGSL_SHAPES) {
        for (const given of settings) {
          const { L, d, dv } = shape;
          it(`${mixer.id}/${form.id} at L=${L}, d=${d}, dv=${dv}, ${label(given)}`, () => checkPoint(backend, probe, options, mixer, form, shape, given));
        }
      }
    }
  });
}
