/**
 * A backend is available only once it has computed something right: after its own probe says
 * yes, one tiny point goes the way every sweep point goes (inputs uploaded, one kernel run, the
 * output read back through the same proxy and host) and is compared with the float64 reference.
 * A route whose readback cannot work (an external buffer refused by the host's V8 cage, a driver
 * that returns zeros) is then reported unavailable, with the reason, instead of failing every point.
 */
import type { Backend, BackendProbe } from '../../engine/core/backend.js';
import { errorMessage } from '../../engine/core/errors.js';
import { createRng } from '../../engine/core/random.js';
import { relativeError, type DType } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { getMixer } from '../../engine/registry.js';

/** Looser than a sweep's float32 tolerance: a correct kernel at L = 8 is far inside it. */
const TOLERANCE: Record<DType, number> = { float32: 1e-3, float64: 1e-9, float16: 2e-2 };
const ROUND_TRIP_MS = 60_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Why the round trip failed, or undefined when the output matched the reference. */
export async function roundTripFailure(backend: Backend, dtype: DType): Promise<string | undefined> {
  const mixer = getMixer('softmax-attention');
  const form = mixer.forms.find((f) => backend.support(mixer, f, dtype).supported);
  if (!form) return `runs no ${mixer.id} form at ${dtype}, so no round trip could be made`;
  const params = resolveParams(mixer);
  const dims = mixer.dims({ L: 8, d: 4, dv: 4, state: 4 }, params);
  const inputs = mixer.randomInputs(dims, createRng(11), params);
  try {
    const kernel = await within(backend.prepare({ mixer, form, inputs, params, dtype }), ROUND_TRIP_MS);
    try {
      await within(kernel.run(), ROUND_TRIP_MS);
      const { output } = await within(kernel.read(), ROUND_TRIP_MS);
      const { relative } = relativeError(output, (form.reference ?? mixer.reference)(inputs, params));
      if (!(relative < TOLERANCE[dtype])) return `its output differs from the float64 reference (relative error ${relative})`;
      return undefined;
    } finally {
      kernel.release();
    }
  } catch (err) {
    return errorMessage(err);
  }
}

/** The probe, made `available: false` with the reason when the round trip fails. */
export async function provenProbe(backend: Backend, probe?: BackendProbe): Promise<BackendProbe> {
  const said = probe ?? (await backend.probe());
  if (!said.available) return said;
  const dtype: DType = said.dtypes.includes('float32') ? 'float32' : 'float64';
  const failure = await roundTripFailure(backend, dtype);
  return failure === undefined ? said : { ...said, available: false, reason: `round trip (upload, kernel, readback) failed: ${failure}` };
}

const PROVEN = Symbol('mixscope.proven');

/**
 * Makes `backend.probe()` prove the route (once it succeeds; an unavailable answer is asked again
 * next time). Every side that lists or runs backends gets its backends through this.
 */
export function proveOnProbe<B extends Backend>(backend: B): B {
  const marked = backend as B & { [PROVEN]?: true };
  if (marked[PROVEN]) return backend;
  const own = backend.probe.bind(backend);
  let proven: Promise<BackendProbe> | undefined;
  backend.probe = () => {
    proven ??= own().then((probe) => provenProbe(backend, probe));
    const answer = proven;
    // Forget an unavailable or failed answer, so the next probe asks again; the caller gets the
    // failure through `answer` itself, and this side chain must not leave it unhandled.
    const forget = (): void => {
      if (proven === answer) proven = undefined;
    };
    answer.then((p) => (p.available ? undefined : forget()), forget);
    return answer;
  };
  marked[PROVEN] = true;
  return backend;
}
