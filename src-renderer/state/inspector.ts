/** The point the inspector shows: picked by a click on any chart, closed by its button or Escape. */
import { shallowRef } from 'vue';
import type { BackendProbeRecord, PointRecord } from '@engine/record/schema.js';

export interface Inspected {
  readonly point: PointRecord;
  /** The probe of the point's backend: from the run's environment, else this machine's probe. */
  readonly backend?: BackendProbeRecord;
  readonly warmup?: number;
}

// The point on show; a whole record, so shallow.
const inspected = shallowRef<Inspected>();

export function useInspector() {
  return {
    inspected,
    open: (next: Inspected) => (inspected.value = next),
    close: () => (inspected.value = undefined),
  };
}
