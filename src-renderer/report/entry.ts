/**
 * The script of an HTML report (built as one IIFE and inlined into the file): reads the embedded
 * data, draws every chart box with ECharts (SVG: crisp in print), keeps them sized to the page and
 * to print, and marks <html data-report-ready> so a PDF printer knows the charts are drawn.
 * Everything it needs is inside the file: no network, no server.
 */
import { init, type ECharts } from 'echarts/core';
import '../charts/echarts-setup.js';
import { REPORT_DATA_ELEMENT_ID, REPORT_READY_ATTRIBUTE } from '@engine/report/page.js';
import { planChart, type EmbeddedReport } from './charts.js';

/** The drawn charts by id, for tests and for anyone poking at the report in devtools. */
const charts: Record<string, ECharts> = {};
(window as unknown as { mixscopeReport: unknown }).mixscopeReport = { charts };

function draw(box: HTMLElement, data: EmbeddedReport): boolean {
  const id = box.dataset['chart'] ?? '';
  try {
    const plan = planChart(id, data);
    if (!plan) throw new Error('no data for this chart');
    if (plan.height !== undefined) box.style.height = `${Math.max(plan.height, box.clientHeight)}px`;
    const chart = init(box, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...plan.option }, { notMerge: true });
    charts[id] = chart;
    return true;
  } catch (err) {
    box.classList.add('chart-missing');
    box.textContent = `This chart could not be drawn: ${(err as Error).message}`;
    return false;
  }
}

function main(): void {
  const root = document.documentElement;
  try {
    const element = document.getElementById(REPORT_DATA_ELEMENT_ID);
    const data = JSON.parse(element?.textContent ?? 'null') as EmbeddedReport;
    const boxes = [...document.querySelectorAll<HTMLElement>('.chart[data-chart]')];
    const drawn = boxes.filter((box) => draw(box, data)).length;
    const resize = () => Object.values(charts).forEach((chart) => chart.resize());
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
    window.matchMedia('print').addEventListener('change', resize);
    root.setAttribute(REPORT_READY_ATTRIBUTE, drawn === boxes.length ? String(drawn) : `error: ${boxes.length - drawn} chart(s) not drawn`);
  } catch (err) {
    root.setAttribute(REPORT_READY_ATTRIBUTE, `error: ${(err as Error).message}`);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
