/** The run view's form, kept across tab switches, and its field errors. */
import { computed, ref, watch } from 'vue';
import { QUICK_SWEEP_SETTINGS } from '@contract/index.js';
import { useCatalog } from './catalog.js';
import { formFromSettings, settingsFromForm, type SettingsForm } from './settings-form.js';
import { validateForm } from './validate-form.js';

const catalog = useCatalog();

// What the user is editing; filled from the quick preset once the catalog has arrived.
const form = ref<SettingsForm>();

watch(
  [catalog.mixers, catalog.quickBackend],
  ([mixers, backend]) => {
    if (form.value || mixers.length === 0) return;
    const allForms = Object.fromEntries(mixers.map((m) => [m.id, m.forms.map((f) => f.id)]));
    form.value = formFromSettings({ ...QUICK_SWEEP_SETTINGS, backends: [backend] }, allForms, 'quick');
  },
  { immediate: true },
);

const errors = computed(() => (form.value ? validateForm(form.value, catalog.probe.value?.backends ?? []) : {}));
const valid = computed(() => form.value !== undefined && Object.keys(errors.value).length === 0);

export function useRunForm() {
  return { form, errors, valid, settings: () => (form.value ? settingsFromForm(form.value) : undefined) };
}
