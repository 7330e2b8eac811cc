/**
 * `mixscope compute`: one mixer form on tensors from .npy files (DIR/Q.npy, ...), output written
 * to FILE.npy atomically. Every input is checked first (presence, shapes, finiteness, parameters),
 * so a bad input never leaves a file behind.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MixscopeError } from '../../engine/core/errors.js';
import type { Inputs } from '../../engine/core/mixer.js';
import { cast, type Tensor } from '../../engine/core/tensor.js';
import { checkFinite, inferDims, resolveParams } from '../../engine/core/validate.js';
import { readNpy, writeNpy } from '../../engine/npy/npy.js';
import { getForm, getMixer } from '../../engine/registry.js';
import { writeFileAtomic } from '../../services/atomic-write.js';
import { dtypeFlag, keyValueFlags, parseFlags } from '../args.js';
import type { CliIo } from '../io.js';

async function readTensor(dir: string, name: string, dims: readonly string[], mixerId: string): Promise<Tensor> {
  const path = join(dir, `${name}.npy`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new MixscopeError(
      missing ? `${mixerId} needs tensor '${name}' [${dims.join(', ')}]: ${path} does not exist` : `cannot read ${path}: ${(err as Error).message}`,
      'io',
    );
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
  const dtype = dtypeFlag(flags.dtype) ?? 'float64';
  const params = resolveParams(mixer, Object.fromEntries(keyValueFlags('param', flags.param)));
  const inputs: Record<string, Tensor> = {};
  for (const spec of mixer.tensors) inputs[spec.name] = await readTensor(flags.in!, spec.name, spec.dims, mixer.id);
  const dims = inferDims(mixer, inputs as Inputs);
  checkFinite(mixer, inputs as Inputs);
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
