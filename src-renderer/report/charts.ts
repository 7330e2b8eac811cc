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
import { buildTimePanel, timeExtent, timePanelMixers } from '../charts/time-panels.js';
import { buildCrossoverMatrix, crossoverMatrixHeight, matrixBackends } from '../charts/crossover-matrix.js';
import { buildFastestStrip, fastestStripHeight, stripBackends } from '../charts/fastest-strip.js';

/** The embedded data as the script reads it (validated by mixscope when the file is imported). */
export interface EmbeddedReport {
  readonly kind: 'run' | 'comparison';
  readonly records: readonly RunRecord[];
  readonly comparison?: Comparison;
  readonly focus?: FocusCurves;
}

export interface ChartPlan {
  /** The chart's id, `group:member` for a member of a group. */
  readonly key: string;
  /** A caption above a group member's box (a single chart's box is captioned by the document). */
  readonly caption?: string;
  readonly option: ChartOption;
  /** A height in pixels where the chart needs one other than its box's (heatmaps, panels). */
  readonly height?: number;
}

const one = (key: string, option: ChartOption | undefined, height?: number): ChartPlan[] =>
  option ? [{ key, option, ...(height === undefined ? {} : { height }) }] : [];

/** The charts to draw for one box or group id; none when the data has nothing for it. */
export function planCharts(id: string, data: EmbeddedReport): ChartPlan[] {
  const run = data.records[0];
  const c = data.comparison;
  if (id.startsWith('compare-')) {
    if (!c) return [];
    return id === 'compare-overlay' ? one(id, buildCompareOverlayChart(c)) : id === 'compare-heatmap' ? one(id, buildCompareHeatmapChart(c), heatmapHeight(c)) : [];
  }
  if (id === 'focus') return one(id, data.focus && buildFocusChart(data.focus));
  if (!run) return [];
  switch (id) {
    case 'time':
      return one(id, buildTimeChart(run));
    case 'time-panels': {
      const extent = timeExtent(run);
      if (!extent) return [];
      return timePanelMixers(run).map((mixer) => ({ key: `${id}:${mixer}`, caption: `Time vs L, ${mixer}`, option: buildTimePanel(run, mixer, { extent, baseline: run }), height: 300 }));
    }
    case 'fastest':
      return stripBackends(run).map((b) => ({ key: `${id}:${b}`, caption: `Fastest form at each L on ${b}`, option: buildFastestStrip(run, b), height: fastestStripHeight(run, b) }));
    case 'crossover-matrix':
      return matrixBackends(run).map((b) => ({ key: `${id}:${b}`, caption: `Crossover matrix on ${b}`, option: buildCrossoverMatrix(run, b), height: crossoverMatrixHeight(run, b) }));
    case 'memory':
      return one(id, buildMemoryChart(run));
    case 'bottleneck':
      return one(id, buildBottleneckChart(run));
    case 'throughput':
      return one(id, buildThroughputChart(run));
    case 'equivalence':
      return one(id, buildEquivalenceChart(run));
    default:
      return [];
  }
}
