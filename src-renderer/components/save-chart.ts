/**
 * Saving a chart as PNG (the canvas at twice its resolution) or SVG (the same option re-rendered
 * by ECharts' SVG renderer off screen), as a download the browser or Electron offers to save.
 */
import { init, type ECharts } from 'echarts/core';
import '../charts/echarts-setup.js';
import { downloadText, downloadUrl } from '../files/download.js';

export function savePng(chart: ECharts, fileName: string): void {
  downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), `${fileName}.png`);
}

export function saveSvg(chart: ECharts, fileName: string): void {
  const svg = init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
  try {
    svg.setOption({ ...chart.getOption(), animation: false, backgroundColor: '#ffffff' });
    downloadText(svg.renderToSVGString(), `${fileName}.svg`, 'image/svg+xml');
  } finally {
    svg.dispose();
  }
}
