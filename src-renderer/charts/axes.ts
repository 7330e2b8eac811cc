/** Shared axis, legend and title settings, so every chart reads the same way. */
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

export function titled(text: string, subtext?: string): { text: string; subtext?: string; left: string; textStyle: object } {
  return { text, ...(subtext ? { subtext } : {}), left: 'left', textStyle: { fontSize: 14 } };
}
