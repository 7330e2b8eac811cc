/**
 * The bottleneck object of each form, named the way its cost model names it (MIXERS.md, "Memory
 * and bottleneck conventions"), for the form picker. Read from the engine's registry at a small
 * shape, since a name does not depend on the size.
 */
import { MIXERS } from '@engine/registry.js';

const SHAPE = { L: 64, d: 16, dv: 16, state: 4 };

export function bottleneckName(mixerId: string, formId: string): string | undefined {
  const mixer = MIXERS.find((m) => m.id === mixerId);
  const form = mixer?.forms.find((f) => f.id === formId);
  if (!mixer || !form) return undefined;
  const params = Object.fromEntries(mixer.params.map((p) => [p.name, p.default]));
  try {
    return form.cost(mixer.dims(SHAPE, params), params).bottleneck.name;
  } catch {
    return undefined;
  }
}
