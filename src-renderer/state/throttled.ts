/**
 * A value that follows its source at most once per interval (the last change always lands): charts
 * and findings redraw a few times a second during a sweep, not once per arriving point.
 */
import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue';

export function useThrottled<T>(source: () => T, intervalMs: number): ShallowRef<T> {
  const value = shallowRef(source()) as ShallowRef<T>;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const land = (): void => {
    timer = undefined;
    last = Date.now();
    value.value = source();
  };
  watch(source, () => {
    if (timer !== undefined) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) land();
    else timer = setTimeout(land, wait);
  });
  onBeforeUnmount(() => clearTimeout(timer));
  return value;
}
