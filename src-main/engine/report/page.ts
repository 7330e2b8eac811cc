/**
 * What the HTML report document and its script (src-renderer/report) agree on: the charts by id
 * (the document writes one empty box per chart, `<div class="chart" data-chart="id">`, and the
 * script fills each from the embedded data), the data element's id and the ready flag. Shared by
 * both sides so they cannot drift; no imports, so the script's bundle stays small.
 */
export const REPORT_DATA_ELEMENT_ID = 'mixscope-data';

export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly tall?: boolean;
  /**
   * A group: the script draws one chart per member it finds in the data (a time panel per mixer,
   * a fastest-form strip and a crossover matrix per backend), each as `id:member`.
   */
  readonly group?: boolean;
}

/** Every chart of the run view, in its order. */
export const RUN_CHARTS: readonly ReportChart[] = [
  { id: 'time', title: 'Time vs L', tall: true },
  { id: 'time-panels', title: 'Time vs L by mixer', group: true },
  { id: 'fastest', title: 'Fastest form at each L', group: true },
  { id: 'crossover-matrix', title: 'Crossover matrix', group: true },
  { id: 'memory', title: 'Memory vs L' },
  { id: 'bottleneck', title: 'Bottleneck size vs L' },
  { id: 'throughput', title: 'Throughput and roofline' },
  { id: 'equivalence', title: 'Equivalence' },
  { id: 'focus', title: 'Focus' },
];

/** Every chart of the compare view. */
export const COMPARISON_CHARTS: readonly ReportChart[] = [
  { id: 'compare-overlay', title: 'Time vs L by run', tall: true },
  { id: 'compare-heatmap', title: 'Ratio heatmap', tall: true },
];

/**
 * Set on <html> by the report script once every chart has been drawn (value: the number of charts
 * drawn, group members counted one by one), or 'error: …' when drawing failed. PDF printing waits
 * for it.
 */
export const REPORT_READY_ATTRIBUTE = 'data-report-ready';
