/** What this machine and this build offer: the mixers with their forms, and the probed backends. */
import { computed, shallowRef } from 'vue';
import type { MixerInfo, ProbeReport } from '@contract/index.js';
import { client, messageOf } from '../api/client.js';

// Every registered mixer: the run view's picker lists their forms.
const mixers = shallowRef<MixerInfo[]>([]);
// The probe: only backends it found are offered, with adapter and limits.
const probe = shallowRef<ProbeReport>();
// Why the catalog could not be loaded, shown instead of the form.
const loadError = shallowRef<string>();
let loading: Promise<void> | undefined;

const availableBackends = computed(() => (probe.value?.backends ?? []).filter((b) => b.available));

function load(): Promise<void> {
  loading ??= Promise.all([client.listMixers({}), client.probe({})])
    .then(([m, p]) => {
      mixers.value = m;
      probe.value = p;
    })
    .catch((err: unknown) => {
      loadError.value = messageOf(err);
      loading = undefined;
    });
  return loading;
}

export function useCatalog() {
  return { mixers, probe, availableBackends, loadError, load };
}
