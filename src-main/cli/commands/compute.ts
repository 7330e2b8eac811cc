/**
 * `mixscope compute`: one mixer form on tensors from .npy files (DIR/Q.npy, ...), output written
 * to FILE.npy atomically. Every input is checked first (presence, shapes, finiteness, parameters),
 * so a bad input never leaves a file behind.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MixscopeError } from '../../engine/core/errors.js';
import { cast, type Tensor } from '../../engine/core/tensor.js';
import { checkFinite, completeInputs, inferDims, isTensorNeeded, resolveParams } from '../../engine/core/validate.js';
import { readNpy, writeNpy } from '../../engine/npy/npy.js';
import { getForm, getMixer } from '../../engine/registry.js';
import { writeFileAtomic } from '../../services/atomic-write.js';
import { dtypeFlag, keyValueFlags, parseFlags } from '../args.js';
import { cpuDtype } from '../dtype.js';
import type { CliIo } from '../io.js';

/** The tensor in DIR/NAME.npy, or undefined when there is no such file. */
async function readTensor(dir: string, name: string): Promise<Tensor | undefined> {
  const path = join(dir, `${name}.npy`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MixscopeError(`cannot read ${path}: ${(err as Error).message}`, 'io');
  }
  return cast(readNpy(bytes, path), 'float64');
}

export async function computeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('compute', argv, {
    mixer: { type: 'string' },
    form: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    param: { type: 'string', multiple: true },
    dtype: { type: 'string' },
  });
  for (const required of ['mixer', 'in', 'out'] as const) {
    if (!flags[required]) throw new MixscopeError(`mixscope compute: --${required} is required`);
  }
  const mixer = getMixer(flags.mixer!);
  const form = flags.form === undefined ? mixer.forms[0]! : getForm(mixer, flags.form);
  const dtype = cpuDtype(dtypeFlag(flags.dtype) ?? 'float64');
  const params = resolveParams(mixer, Object.fromEntries(keyValueFlags('param', flags.param)));
  const given: Record<string, Tensor> = {};
  for (const spec of mixer.tensors) {
    const tensor = await readTensor(flags.in!, spec.name);
    if (tensor) given[spec.name] = tensor;
    else if (isTensorNeeded(spec, params)) {
      const path = join(flags.in!, `${spec.name}.npy`);
      throw new MixscopeError(`${mixer.id} needs tensor '${spec.name}' [${spec.dims.join(', ')}]: ${path} does not exist`, 'io');
    }
  }
  const inputs = completeInputs(mixer, given, params);
  const dims = inferDims(mixer, inputs);
  checkFinite(mixer, inputs);
  const t0 = performance.now();
  const y = form.run(inputs, params, dtype);
  const ms = performance.now() - t0;
  await writeFileAtomic(flags.out!, writeNpy(y)).catch((err: unknown) => {
    throw new MixscopeError(`cannot write ${flags.out}: ${(err as Error).message}`, 'io');
  });
  const sizes = Object.entries(dims).map(([k, v]) => `${k}=${v}`).join(' ');
  io.stdout(`wrote ${mixer.output.name} [${y.shape.join(', ')}] ${dtype} to ${flags.out} (${mixer.id}/${form.id}, ${sizes}, ${ms.toFixed(1)} ms)\n`);
  return 0;
}
