/**
 * File ▸ Export report…: the page knows what is on screen, so the menu's command lands here. The
 * comparison on screen is exported, else the run opened in History, as an HTML report (the format
 * that holds everything and opens anywhere; the views offer the other formats).
 */
import { client } from '../api/client.js';
import { useCompare } from './compare.js';
import { useRuns } from './runs.js';

export type AppView = 'run' | 'history' | 'compare';

export function listenForReportMenu(view: () => AppView, show: (view: AppView) => void): () => void {
  return client.onMenu((command) => {
    if (command.action !== 'exportReport') return;
    const compare = useCompare();
    const history = useRuns();
    if (view() === 'compare' && compare.comparison.value) {
      void compare.exportComparison('html');
      return;
    }
    const opened = history.opened.value;
    if (opened) {
      void compare.exportRunReport(opened.id, 'html').then((error) => (history.error.value = error));
      return;
    }
    show('history');
    history.error.value = 'Open a run (or compare runs) first, then export its report';
  });
}
