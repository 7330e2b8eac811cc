/**
 * Which option builder draws each chart id of a report (@engine/report/charts.ts): the same pure
 * builders as the run and compare views, so the report shows exactly what the app shows.
 */
import type { Comparison } from '@engine/compare/schema.js';
import type { RunRecord } from '@engine/record/schema.js';
import type { FocusCurves } from '@contract/schemas.js';
import { buildBottleneckChart } from '../charts/bottleneck-chart.js';
import { buildCompareHeatmapChart, heatmapHeight } from '../charts/compare-heatmap-chart.js';
import { buildCompareOverlayChart } from '../charts/compare-overlay-chart.js';
import { buildEquivalenceChart } from '../charts/equivalence-chart.js';
import { buildFocusChart } from '../charts/focus-chart.js';
import { buildMemoryChart } from '../charts/memory-chart.js';
import type { ChartOption } from '../charts/option.js';
import { buildThroughputChart } from '../charts/throughput-chart.js';
import { buildTimeChart } from '../charts/time-chart.js';

/** The embedded data as the script reads it (validated by mixscope when the file is imported). */
export interface EmbeddedReport {
  readonly kind: 'run' | 'comparison';
  readonly records: readonly RunRecord[];
  readonly comparison?: Comparison;
  readonly focus?: FocusCurves;
}

export interface ChartPlan {
  readonly option: ChartOption;
  /** A height in pixels where the chart needs more than its box (a heatmap with many rows). */
  readonly height?: number;
}

export function planChart(id: string, data: EmbeddedReport): ChartPlan | undefined {
  const run = data.records[0];
  const c = data.comparison;
  switch (id) {
    case 'time':
      return run && { option: buildTimeChart(run) };
    case 'memory':
      return run && { option: buildMemoryChart(run) };
    case 'bottleneck':
      return run && { option: buildBottleneckChart(run) };
    case 'throughput':
      return run && { option: buildThroughputChart(run) };
    case 'equivalence':
      return run && { option: buildEquivalenceChart(run) };
    case 'focus':
      return data.focus && { option: buildFocusChart(data.focus) };
    case 'compare-overlay':
      return c && { option: buildCompareOverlayChart(c) };
    case 'compare-heatmap':
      return c && { option: buildCompareHeatmapChart(c), height: heatmapHeight(c) };
    default:
      return undefined;
  }
}
