/**
 * The `reference` backend: times the mixer's float64 reference (the token-by-token recurrence or
 * the plain definition), float64 only. It does not run a form's algorithm: the planner sends it
 * one point per distinct reference (see referenceCarriers), recorded under form 'reference'.
 *
 * allocatedBytes counts the inputs and the output it holds; the reference's own temporaries are
 * not modelled, so they are not counted.
 */
import type { Backend, BackendProbe, KernelSupport, PrepareRequest, PreparedKernel } from '../core/backend.js';
import type { Form, Mixer } from '../core/mixer.js';
import type { DType, Tensor } from '../core/tensor.js';
import { performanceClock } from './clock.js';
import type { CpuBackendOptions } from './js.js';

export const REFERENCE_FORM_ID = 'reference';

/** The forms whose reference the backend times, with the form id the record shows for each. */
export function referenceCarriers(mixer: Mixer): { form: Form; label: string }[] {
  const own = mixer.forms.filter((f) => f.reference).map((form) => ({ form, label: `${form.id}-${REFERENCE_FORM_ID}` }));
  const plain = mixer.forms.find((f) => !f.reference);
  return plain ? [{ form: plain, label: REFERENCE_FORM_ID }, ...own] : own;
}

const bytesOf = (t: Tensor): number => t.data.length * 8;

export function createReferenceBackend(options: CpuBackendOptions = {}): Backend {
  const now = options.now ?? performanceClock;
  const host = options.host ?? 'js main thread';
  return {
    id: 'reference',
    async probe(): Promise<BackendProbe> {
      return { id: 'reference', available: true, host, dtypes: ['float64'] };
    },
    support(_mixer: Mixer, _form: Form, dtype: DType): KernelSupport {
      if (dtype !== 'float64') {
        return { supported: false, fidelity: 'exact', note: 'the reference backend computes in float64 only' };
      }
      return { supported: true, fidelity: 'exact' };
    },
    async prepare({ mixer, form, inputs, params }: PrepareRequest): Promise<PreparedKernel> {
      const reference = form.reference ?? mixer.reference;
      const t0 = now();
      let output = reference(inputs, params);
      const compileMs = now() - t0;
      const inputBytes = Object.values(inputs).reduce((n, t) => n + bytesOf(t), 0);
      return {
        compileMs,
        uploadMs: 0,
        allocatedBytes: inputBytes + bytesOf(output),
        async run() {
          const start = now();
          output = reference(inputs, params);
          return { wallMs: now() - start };
        },
        async read() {
          return { output, readbackMs: 0 };
        },
        release() {},
      };
    },
    async dispose() {},
  };
}
