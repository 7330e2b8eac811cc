/**
 * The curves highlighted in every chart at once: set by hovering a curve or a legend entry in any
 * chart, or by following a finding. Curve keys are `mixer.form · backend`, the prefix of every
 * series name the builders give a measured curve.
 */
import { shallowRef } from 'vue';

// Curve keys to highlight; empty when nothing is hovered.
const highlighted = shallowRef<readonly string[]>([]);

/** The curve key of a series name: `key` or `key  L^1.02 (tail 1.10)`; reference lines have none. */
export function curveKeyOfSeries(name: string): string | undefined {
  if (name.startsWith('baseline · ') || name.startsWith('theory') || name.startsWith('tolerance') || name.startsWith('roof ')) return undefined;
  const key = name.split('  ')[0] ?? '';
  return key.includes('.') ? key : undefined;
}

export function useLinkedHover() {
  return {
    highlighted,
    highlight: (keys: readonly string[]) => {
      const same = keys.length === highlighted.value.length && keys.every((k, i) => highlighted.value[i] === k);
      if (!same) highlighted.value = keys;
    },
  };
}
