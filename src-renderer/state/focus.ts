/** Focus curves for the mixers of the run on screen, asked for once per set of mixers. */
import { shallowRef } from 'vue';
import type { FocusCurves } from '@contract/index.js';
import { client, messageOf } from '../api/client.js';

// Curves keyed by the sorted mixer list they were computed for.
const cache = new Map<string, Promise<FocusCurves>>();

export function useFocus() {
  // The curves of the last request, or why it failed.
  const curves = shallowRef<FocusCurves>();
  const error = shallowRef<string>();
  async function load(mixers: readonly string[]): Promise<void> {
    if (mixers.length === 0) return;
    const key = [...mixers].sort().join(',');
    let request = cache.get(key);
    if (!request) {
      request = client.focus({ mixers: [...mixers] });
      cache.set(key, request);
      request.catch(() => cache.delete(key));
    }
    try {
      curves.value = await request;
      error.value = undefined;
    } catch (err) {
      error.value = messageOf(err);
    }
  }
  return { curves, error, load };
}
