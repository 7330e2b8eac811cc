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
/**
 * The quick profile's backend: the first GPU found that is not a software rasterizer (whose
 * timings are never a speed claim), in the probe's order; else the plain CPU kernels (js).
 */
const quickBackend = computed(() => availableBackends.value.find((b) => b.adapter && !b.adapter.software)?.id ?? 'js');

/**
 * The mixers come at once; the probe (a real round trip on every backend, seconds on a slow
 * machine) lands when it is done, so the form and the Quick profile never wait on it.
 */
function load(): Promise<void> {
  const fail = (err: unknown): void => {
    loadError.value = messageOf(err);
    loading = undefined;
  };
  loading ??= Promise.all([
    client.listMixers({}).then((m) => {
      mixers.value = m;
    }),
    client.probe({}).then((p) => {
      probe.value = p;
    }),
  ]).then(() => undefined, fail);
  return loading;
}

export function useCatalog() {
  return { mixers, probe, availableBackends, quickBackend, loadError, load };
}
