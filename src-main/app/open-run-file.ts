/**
 * File > Open Run File: the chosen file goes through the same import as the renderer's (checked
 * in full before anything is saved); a good run is shown, a bad one is refused with its reason in
 * a dialog and nothing else changes.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { errorMessage } from '../engine/core/errors.js';
import type { EventHub } from '../services/event-hub.js';
import type { RunsService } from '../services/runs-service.js';

export async function openRunFile(window: BrowserWindow, runs: RunsService, hub: EventHub): Promise<void> {
  const choice = await dialog.showOpenDialog(window, {
    title: 'Open a mixscope run',
    properties: ['openFile'],
    filters: [{ name: 'mixscope run or report', extensions: ['json', 'html', 'htm'] }],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  try {
    const record = await runs.import(basename(file), await readFile(file, 'utf8'));
    hub.emit('menu', { action: 'showRun', runId: record.id });
  } catch (err) {
    await dialog.showMessageBox(window, { type: 'error', message: `Cannot open ${basename(file)}`, detail: errorMessage(err) });
  }
}
