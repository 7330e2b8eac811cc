/**
 * What a chart panel hands its charts (provide/inject): where a click on a point goes, and whether
 * hovering a curve highlights it in every chart. A chart outside a panel (the compare view) has
 * neither and behaves as a plain chart.
 */
import type { InjectionKey } from 'vue';

export interface ChartLinks {
  /** A datum with a point `ref` was clicked. */
  readonly pick: (ref: string) => void;
  /** Hover linking across charts. */
  readonly linked: boolean;
}

export const CHART_LINKS: InjectionKey<ChartLinks> = Symbol('chart-links');
