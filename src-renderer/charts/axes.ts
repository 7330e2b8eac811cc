/** Shared axis, legend and grid settings, so every chart reads the same way. */
import type { XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { formatAxisNumber } from './format.js';

export function logAxis(name: string, gridIndex = 0): XAXisComponentOption & YAXisComponentOption {
  return {
    type: 'log',
    name,
    nameLocation: 'middle',
    nameGap: 30,
    gridIndex,
    logBase: 10,
    axisLabel: { formatter: (v: number) => formatAxisNumber(v) },
    splitLine: { lineStyle: { color: '#e6e6e6' } },
    minorTick: { show: true },
  } as XAXisComponentOption & YAXisComponentOption;
}

/**
 * A log axis minimum a decade lower when the data start just above a power of ten, so a constant
 * line (a fixed-size state) is not drawn on the axis itself.
 */
export function roomyLogMin(extent: { min: number }): number {
  const decade = 10 ** Math.floor(Math.log10(extent.min));
  return extent.min / decade < 2 ? decade / 10 : decade;
}

/** Lengths are powers of two: a base-2 log axis puts each measured L on a tick. */
export function lengthAxis(gridIndex = 0): XAXisComponentOption {
  return { ...logAxis('sequence length L', gridIndex), logBase: 2 } as XAXisComponentOption;
}

export const LEGEND = { type: 'plain', top: 46, left: 'center', textStyle: { fontSize: 11 } } as const;

/** Top of the captions over the two panels of a side-by-side chart. */
export const PANEL_CAPTION_TOP = 104;

export function panelCaptions(left: string, right: string): { text: string; left: string; top: number; textStyle: object }[] {
  const style = { fontSize: 12, fontWeight: 'normal' };
  return [
    { text: left, left: '12%', top: PANEL_CAPTION_TOP, textStyle: style },
    { text: right, left: '62%', top: PANEL_CAPTION_TOP, textStyle: style },
  ];
}

export function titled(text: string, subtext?: string): { text: string; subtext?: string; left: string; textStyle: object } {
  return { text, ...(subtext ? { subtext } : {}), left: 'left', textStyle: { fontSize: 14 } };
}

/** Two grids side by side (memory, throughput, focus): left and right halves below the legend. */
export const SIDE_BY_SIDE_GRIDS = [
  { left: 70, right: '53%', top: 130, bottom: 50 },
  { left: '55%', right: 30, top: 130, bottom: 50 },
];

export const SINGLE_GRID = { left: 70, right: 30, top: 100, bottom: 50 };
