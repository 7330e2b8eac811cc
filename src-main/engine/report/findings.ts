/** The run's findings (engine/findings) as a report states them: plain sentences with their details. */
import { findingsOf, type Finding } from '../findings/index.js';
import type { RunRecord } from '../record/schema.js';
import { MIXERS } from '../registry.js';

/** The declared scaling comes from the registry, as the app's catalog gives it to the run view. */
export function runFindings(record: RunRecord): Finding[] {
  const scaling = (mixer: string, form: string) => MIXERS.find((m) => m.id === mixer)?.forms.find((f) => f.id === form)?.scaling;
  return findingsOf(record, { scaling });
}
