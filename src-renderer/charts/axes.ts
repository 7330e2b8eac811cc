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

/** Lengths are powers of two: a base-2 log axis puts each measured L on a tick. */
export function lengthAxis(gridIndex = 0): XAXisComponentOption {
  return { ...logAxis('sequence length L', gridIndex), logBase: 2 } as XAXisComponentOption;
}

export const LEGEND = { type: 'plain', top: 28, left: 'center', textStyle: { fontSize: 11 } } as const;

export function titled(text: string, subtext?: string): { text: string; subtext?: string; left: string; textStyle: object } {
  return { text, ...(subtext ? { subtext } : {}), left: 'left', textStyle: { fontSize: 14 } };
}

/** Two grids side by side (memory, throughput, focus): left and right halves below the legend. */
export const SIDE_BY_SIDE_GRIDS = [
  { left: 70, right: '53%', top: 110, bottom: 50 },
  { left: '55%', right: 30, top: 110, bottom: 50 },
];

export const SINGLE_GRID = { left: 70, right: 30, top: 110, bottom: 50 };
