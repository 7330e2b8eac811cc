/**
 * `mixscope verify`: every form of every mixer (or one) on a backend, on seeded random inputs,
 * against the float64 reference. Prints a table and exits 1 when any form is outside tolerance
 * (TOLERANCE: 1e-9 in float64, 1e-4 in float32, float16's own, relative to max |Y_ref|). A --dtype no
 * backend offers (float16 without shader-f16) is refused with the reason.
 */
import type { Backend } from '../../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import { createRng } from '../../engine/core/random.js';
import { DTYPES, relativeError, type DType } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { MIXERS, getForm, getMixer } from '../../engine/registry.js';
import { TOLERANCE } from '../../engine/sweep/measure.js';
import { dtypeFlag, intFlag, parseFlags } from '../args.js';
import { disposeBackends, resolveBackends } from '../backends.js';
import { checkDtypeOffered } from '../dtype.js';
import type { CliIo } from '../io.js';
import { printTable } from '../table.js';

interface Row {
  readonly cells: string[];
  readonly failed: boolean;
}

async function verifyForm(backend: Backend, mixer: Mixer, form: Form, dtype: DType, L: number, sizes: { d: number; dv: number; state: number }): Promise<Row> {
  const label = [mixer.id, form.id, dtype];
  const support = backend.support(mixer, form, dtype);
  if (!support.supported) return { cells: [...label, '', '', '', `skipped: ${support.note ?? 'unsupported'}`], failed: false };
  const params = resolveParams(mixer);
  const dims = mixer.dims({ L, ...sizes }, params);
  const inputs = mixer.randomInputs(dims, createRng(1000 + L), params);
  const reference = (form.reference ?? mixer.reference)(inputs, params);
  try {
    const kernel = await backend.prepare({ mixer, form, inputs, params, dtype });
    const { output } = await kernel.read();
    kernel.release();
    const { maxAbs, relative } = relativeError(output, reference);
    const pass = relative < TOLERANCE[dtype];
    const note = support.fidelity === 'approximate' ? ' (approximate kernel)' : '';
    return { cells: [...label, maxAbs.toExponential(2), relative.toExponential(2), TOLERANCE[dtype].toExponential(0), (pass ? 'ok' : 'FAIL') + note], failed: !pass };
  } catch (err) {
    return { cells: [...label, '', '', '', `FAIL: ${errorMessage(err)}`], failed: true };
  }
}

export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('verify', argv, {
    mixer: { type: 'string' },
    form: { type: 'string' },
    L: { type: 'string' },
    backend: { type: 'string' },
    dtype: { type: 'string' },
    d: { type: 'string' },
    dv: { type: 'string' },
    state: { type: 'string' },
  });
  const L = intFlag('L', flags.L) ?? 64;
  const sizes = { d: intFlag('d', flags.d) ?? 16, dv: intFlag('dv', flags.dv) ?? 16, state: intFlag('state', flags.state) ?? 8 };
  const mixers = flags.mixer ? [getMixer(flags.mixer)] : [...MIXERS];
  if (flags.form && !flags.mixer) throw new MixscopeError('mixscope verify: --form needs --mixer');
  const forms = (m: Mixer): readonly Form[] => (flags.form ? [getForm(m, flags.form)] : m.forms);
  const [backend] = await resolveBackends([flags.backend ?? 'js']);
  try {
    const probe = await backend!.probe();
    const given = dtypeFlag(flags.dtype);
    if (given) await checkDtypeOffered([backend!], given);
    const dtypes = (given ? [given] : DTYPES).filter((t) => probe.dtypes.includes(t));
    const rows: Row[] = [];
    for (const mixer of mixers) {
      for (const form of forms(mixer)) for (const dtype of dtypes) rows.push(await verifyForm(backend!, mixer, form, dtype, L, sizes));
    }
    printTable(io, ['mixer', 'form', 'dtype', 'max abs', 'relative', 'tol', 'result'], rows.map((r) => r.cells));
    const failed = rows.filter((r) => r.failed).length;
    io.stdout(`${rows.length - failed} passed, ${failed} failed (backend ${backend!.id}, L=${L})\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await disposeBackends([backend!]);
  }
}
