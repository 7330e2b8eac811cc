/** Checks of user-supplied tensors and parameters against a mixer's declaration; every failure names what and where. */
import { MixscopeError } from './errors.js';
import type { Dims, Inputs, Mixer, ParamSpec, Params, TensorSpec } from './mixer.js';
import { sizeOf, type Tensor } from './tensor.js';

function parseParam(spec: ParamSpec, raw: number | string, mixerId: string): number | string {
  const where = `parameter '${spec.name}' of ${mixerId}`;
  if (spec.type === 'enum') {
    const value = String(raw);
    if (!spec.values?.includes(value)) {
      throw new MixscopeError(`${where} must be one of ${spec.values?.join(', ')}; got '${value}'`);
    }
    return value;
  }
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (typeof raw === 'string' && raw.trim() === '') throw new MixscopeError(`${where} is empty`);
  if (!Number.isFinite(value)) throw new MixscopeError(`${where} must be a finite number; got '${raw}'`);
  if (spec.type === 'integer' && !Number.isInteger(value)) {
    throw new MixscopeError(`${where} must be an integer; got ${value}`);
  }
  const lowOk = spec.min === undefined || (spec.exclusive ? value > spec.min : value >= spec.min);
  const highOk = spec.max === undefined || (spec.exclusive ? value < spec.max : value <= spec.max);
  if (!lowOk || !highOk) {
    const open = spec.exclusive ? '(' : '[';
    const close = spec.exclusive ? ')' : ']';
    throw new MixscopeError(`${where} must lie in ${open}${spec.min ?? '-inf'}, ${spec.max ?? 'inf'}${close}; got ${value}`);
  }
  return value;
}

/** Defaults filled in, unknown names refused, values parsed and range-checked. */
export function resolveParams(mixer: Mixer, given: Readonly<Record<string, number | string>> = {}): Params {
  const out: Record<string, number | string> = {};
  for (const name of Object.keys(given)) {
    if (!mixer.params.some((p) => p.name === name)) {
      const known = mixer.params.map((p) => p.name).join(', ') || 'none';
      throw new MixscopeError(`${mixer.id} has no parameter '${name}' (parameters: ${known})`);
    }
  }
  for (const spec of mixer.params) {
    const raw = given[spec.name];
    out[spec.name] = raw === undefined ? spec.default : parseParam(spec, raw, mixer.id);
  }
  return out;
}

/** Infers the named dims from the tensors and checks every tensor is present with a consistent shape. */
export function inferDims(mixer: Mixer, inputs: Inputs): Dims {
  const dims: Record<string, number> = {};
  for (const spec of mixer.tensors) {
    const t = inputs[spec.name];
    if (!t) throw new MixscopeError(`${mixer.id} needs tensor '${spec.name}' [${spec.dims.join(', ')}], which is missing`);
    if (t.shape.length !== spec.dims.length) {
      throw new MixscopeError(
        `tensor '${spec.name}' of ${mixer.id} must have ${spec.dims.length} dims [${spec.dims.join(', ')}]; got shape [${t.shape.join(', ')}]`,
      );
    }
    spec.dims.forEach((dim, axis) => {
      const size = t.shape[axis]!;
      if (!Number.isInteger(size) || size <= 0) {
        throw new MixscopeError(`tensor '${spec.name}' has size ${size} on axis ${axis} (${dim}); sizes must be positive`);
      }
      const known = dims[dim];
      if (known !== undefined && known !== size) {
        throw new MixscopeError(
          `tensor '${spec.name}' has ${dim} = ${size} on axis ${axis}, but an earlier tensor set ${dim} = ${known}`,
        );
      }
      dims[dim] = size;
    });
  }
  return dims;
}

export function checkFinite(mixer: Mixer, inputs: Inputs): void {
  for (const spec of mixer.tensors) {
    const data = inputs[spec.name]!.data;
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i]!)) {
        throw new MixscopeError(`tensor '${spec.name}' of ${mixer.id} holds a non-finite value at flat index ${i}`);
      }
    }
  }
}

export function isTensorNeeded(spec: TensorSpec, params: Params): boolean {
  return !spec.neededWhen || params[spec.neededWhen.param] === spec.neededWhen.equals;
}

/**
 * Fills the tensors that `params` make unneeded and that the caller left out with ones, sized
 * from the dims the given tensors fix; a needed tensor that is missing is left for inferDims to name.
 */
export function completeInputs(mixer: Mixer, given: Inputs, params: Params): Inputs {
  const dims: Record<string, number> = {};
  for (const spec of mixer.tensors) {
    const t = given[spec.name];
    if (t) spec.dims.forEach((dim, axis) => (dims[dim] ??= t.shape[axis]!));
  }
  const out: Record<string, Tensor> = { ...given };
  for (const spec of mixer.tensors) {
    if (out[spec.name] || isTensorNeeded(spec, params)) continue;
    const shape = spec.dims.map((dim) => dims[dim]);
    if (shape.some((n) => n === undefined)) continue;
    out[spec.name] = { shape: shape as number[], data: new Float64Array(sizeOf(shape as number[])).fill(1) };
  }
  return out;
}
