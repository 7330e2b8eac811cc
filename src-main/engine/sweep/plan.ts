/**
 * The points of a sweep, in the order they run: mixer, then L ascending, then backend, then form.
 * L ascends within every (mixer, form, backend) series, so a series over budget at one L can skip
 * the larger ones; and all points of one (mixer, L) are adjacent, so their inputs and float64
 * reference are computed once and dropped before the next L.
 */
import type { BackendId } from '../core/backend.js';
import type { Cost, Dims, Form, Mixer, Params } from '../core/mixer.js';
import { resolveParams } from '../core/validate.js';
import { referenceCarriers } from '../backends/reference.js';
import { getForm } from '../registry.js';
import type { SweepSettings } from './settings.js';
import { selectedMixers } from './validate.js';

export interface PlannedPoint {
  readonly mixer: Mixer;
  /** The form whose kernel runs (for the reference backend: whose reference runs). */
  readonly form: Form;
  /** The form id the record shows: form.id, or 'reference' on the reference backend. */
  readonly formId: string;
  readonly backend: BackendId;
  readonly L: number;
  readonly dims: Dims;
  readonly params: Params;
  /** Cost model of one head and one batch row; absent on the reference backend (no model of the definition). */
  readonly cost?: Cost;
}

/** (mixer, form, backend): the points whose times make one curve. */
export function seriesKey(p: { mixer: string; form: string; backend: string }): string {
  return `${p.mixer}\u0000${p.form}\u0000${p.backend}`;
}

function formsFor(mixer: Mixer, settings: SweepSettings, backend: BackendId): { form: Form; formId: string }[] {
  if (backend === 'reference') return referenceCarriers(mixer).map(({ form, label }) => ({ form, formId: label }));
  const chosen = settings.forms[mixer.id];
  const forms = chosen ? chosen.map((id) => getForm(mixer, id)) : mixer.forms;
  return forms.map((form) => ({ form, formId: form.id }));
}

export function planSweep(settings: SweepSettings): PlannedPoint[] {
  const points: PlannedPoint[] = [];
  for (const mixer of selectedMixers(settings)) {
    const params = resolveParams(mixer, settings.params[mixer.id] ?? {});
    for (const L of settings.lengths) {
      const dims = mixer.dims({ L, d: settings.d, dv: settings.dv, state: settings.state }, params);
      for (const backend of settings.backends) {
        for (const { form, formId } of formsFor(mixer, settings, backend)) {
          const cost = backend === 'reference' ? undefined : form.cost(dims, params);
          points.push({ mixer, form, formId, backend, L, dims, params, ...(cost ? { cost } : {}) });
        }
      }
    }
  }
  return points;
}
