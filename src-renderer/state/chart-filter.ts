/**
 * The chart filter every chart of the run view and the history shares: hidden mixers, forms and
 * backends, and whether time is shown as small multiples or one overlay. Module state, so it is
 * remembered while the app is open (across views and runs), and forgotten on restart.
 */
import { computed, shallowRef } from 'vue';
import type { RunFilter } from '../charts/run-filter.js';

// What the user hid; Sets replaced on every change so computed filters re-run.
const hiddenMixers = shallowRef<ReadonlySet<string>>(new Set());
const hiddenForms = shallowRef<ReadonlySet<string>>(new Set());
const hiddenBackends = shallowRef<ReadonlySet<string>>(new Set());
// Small multiples (one panel per mixer) or the single overlay chart.
const timeView = shallowRef<'panels' | 'overlay'>('panels');

const filter = computed<RunFilter>(() => ({ hiddenMixers: hiddenMixers.value, hiddenForms: hiddenForms.value, hiddenBackends: hiddenBackends.value }));

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

export function useChartFilter() {
  return {
    filter,
    hiddenMixers,
    hiddenForms,
    hiddenBackends,
    timeView,
    toggleMixer: (id: string) => (hiddenMixers.value = toggled(hiddenMixers.value, id)),
    toggleForm: (key: string) => (hiddenForms.value = toggled(hiddenForms.value, key)),
    toggleBackend: (id: string) => (hiddenBackends.value = toggled(hiddenBackends.value, id)),
    /** Every mixer, form and backend shown. */
    showAll: () => {
      hiddenMixers.value = new Set();
      hiddenForms.value = new Set();
      hiddenBackends.value = new Set();
    },
    /** Every mixer of the run hidden, to pick the few to look at. */
    hideAll: (mixers: readonly string[]) => (hiddenMixers.value = new Set(mixers)),
  };
}
