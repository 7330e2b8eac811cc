/** What the renderer needs about the mixers (settings form, pickers) and their focus curves. */
import type { Mixer } from '../engine/core/mixer.js';
import { focusCurvesByLength, focusCurvesByQueryNorm } from '../engine/focus/curves.js';
import { MIXERS } from '../engine/registry.js';
import type { FocusCurves, FocusRequest, MixerInfo } from '../contract/schemas.js';

export function mixerInfo(mixer: Mixer): MixerInfo {
  return {
    id: mixer.id,
    title: mixer.title,
    section: mixer.section,
    summary: mixer.summary,
    causal: mixer.causal,
    forms: mixer.forms.map((f) => ({ id: f.id, title: f.title, description: f.description, scaling: f.scaling })),
    params: mixer.params.map(({ values, ...p }) => ({ ...p, ...(values ? { values: [...values] } : {}) })),
    focus: mixer.focusRow !== undefined,
  };
}

export function listMixers(): MixerInfo[] {
  return MIXERS.map(mixerInfo);
}

/** S against L and against ‖q‖ (MIXERS.md "Attention focus"), seeded, beside the closed forms. */
export function focusCurves(request: FocusRequest): FocusCurves {
  const options = { mixers: request.mixers, lengths: request.lengths, seed: request.seed };
  const byLength = focusCurvesByLength(options).map((c) => ({
    mixer: c.mixer,
    axis: 'length' as const,
    measured: { x: c.points.map((p) => p.L), sparsity: c.points.map((p) => p.S), stdErr: c.points.map((p) => p.stdErr) },
    ...theoryOf(c.theoryLabel, c.points.map((p) => ({ x: p.L, theory: p.theory }))),
  }));
  const byNorm = focusCurvesByQueryNorm(options).map((c) => ({
    mixer: c.mixer,
    axis: 'qNorm' as const,
    measured: { x: c.points.map((p) => p.qNorm), sparsity: c.points.map((p) => p.S), stdErr: c.points.map((p) => p.stdErr) },
    ...theoryOf(c.theoryLabel, c.points.map((p) => ({ x: p.qNorm, theory: p.theory }))),
  }));
  return { curves: [...byLength, ...byNorm] };
}

function theoryOf(label: string | undefined, points: { x: number; theory?: number }[]) {
  if (label === undefined) return {};
  return { theory: { label, x: points.map((p) => p.x), sparsity: points.map((p) => p.theory ?? null) } };
}
