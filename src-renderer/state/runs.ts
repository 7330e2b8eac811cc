/** The history: saved runs, the one opened, and the outcome of importing a file. */
import { shallowRef } from 'vue';
import type { ExportFormat, RunRecord, RunSummary } from '@contract/index.js';
import { formatBytes, MAX_RUN_FILE_BYTES } from '@contract/transfer-limits.js';
import { client, messageOf } from '../api/client.js';
import { downloadText } from '../files/download.js';

// Saved runs, newest first, as the history list shows them.
const runs = shallowRef<RunSummary[]>([]);
// The run whose charts the history shows; a whole record, so shallow.
const opened = shallowRef<RunRecord>();
// Why the last history action failed (a refused file, a vanished run), shown above the list.
const error = shallowRef<string>();
// What the last import did, for the message next to the file input.
const imported = shallowRef<string>();

// Refreshes are numbered: an answer that arrives after a later refresh's (a list asked for when the
// view opened, answered after an import's) is stale and dropped, so a new run never vanishes.
let refreshes = 0;

async function refresh(): Promise<void> {
  const asked = ++refreshes;
  try {
    const list = await client.listRuns({});
    if (asked === refreshes) runs.value = list;
  } catch (err) {
    error.value = messageOf(err);
  }
}

async function open(id: string): Promise<void> {
  error.value = undefined;
  try {
    opened.value = await client.openRun({ id });
  } catch (err) {
    error.value = messageOf(err);
  }
}

async function remove(id: string): Promise<void> {
  error.value = undefined;
  try {
    await client.deleteRun({ id });
    if (opened.value?.id === id) opened.value = undefined;
  } catch (err) {
    error.value = messageOf(err);
  }
  await refresh();
}

/** The record as JSON or CSV (full precision), written by the main side, saved by the user. */
async function exportRun(id: string, format: ExportFormat): Promise<void> {
  error.value = undefined;
  try {
    const file = await client.exportRun({ id, format });
    downloadText(file.text, file.fileName, format === 'json' ? 'application/json' : 'text/csv');
  } catch (err) {
    error.value = messageOf(err);
  }
}

/**
 * The main side validates the file (a run record, or a report .html with its embedded record);
 * a refused one changes nothing here but the message. Resolves with the imported run's id.
 */
async function importFile(file: File): Promise<string | undefined> {
  error.value = undefined;
  imported.value = undefined;
  // Refused before reading: the main side takes no larger file (and web mode's socket no larger frame).
  if (file.size > MAX_RUN_FILE_BYTES) {
    error.value = `Refused ${file.name}: the file is ${formatBytes(file.size)} (${file.size} bytes), over the ${formatBytes(MAX_RUN_FILE_BYTES)} a run file may have`;
    return undefined;
  }
  try {
    const record = await client.importRun({ fileName: file.name, text: await file.text() });
    imported.value = `imported ${file.name}: ${record.points.length} points`;
    opened.value = record;
    await refresh();
    return record.id;
  } catch (err) {
    // The main side's reason usually starts with the file name; say it once either way.
    const reason = messageOf(err);
    error.value = `Refused ${reason.startsWith(file.name) ? reason : `${file.name}: ${reason}`}`;
    return undefined;
  }
}

export function useRuns() {
  return { runs, opened, error, imported, refresh, open, remove, importFile, exportRun };
}
