/**
 * The script of an HTML report (built as one IIFE and inlined into the file): reads the embedded
 * data, draws every chart box with ECharts (SVG: crisp in print), keeps them sized to the page and
 * to print, and marks <html data-report-ready> so a PDF printer knows the charts are drawn.
 * Everything it needs is inside the file: no network, no server.
 */
import { init, type ECharts } from 'echarts/core';
import '../charts/echarts-setup.js';
import { REPORT_DATA_ELEMENT_ID, REPORT_READY_ATTRIBUTE } from '@engine/report/page.js';
import { planCharts, type ChartPlan, type EmbeddedReport } from './charts.js';

/** The drawn charts by id, for tests and for anyone poking at the report in devtools. */
const charts: Record<string, ECharts> = {};
(window as unknown as { mixscopeReport: unknown }).mixscopeReport = { charts };

/** Draws one planned chart into `box`; a failure shows as text in the box and is counted. */
function draw(box: HTMLElement, plan: ChartPlan): boolean {
  try {
    if (plan.height !== undefined) box.style.height = `${plan.height}px`;
    const chart = init(box, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...plan.option }, { notMerge: true });
    charts[plan.key] = chart;
    return true;
  } catch (err) {
    box.classList.add('chart-missing');
    box.textContent = `This chart could not be drawn: ${(err as Error).message}`;
    return false;
  }
}

/** A single chart's box, or a group's container filled with a captioned box per member. */
function drawAll(data: EmbeddedReport): { drawn: number; failed: number } {
  let drawn = 0;
  let failed = 0;
  const count = (ok: boolean) => (ok ? drawn++ : failed++);
  for (const box of document.querySelectorAll<HTMLElement>('.chart[data-chart]')) {
    const [plan] = planCharts(box.dataset['chart'] ?? '', data);
    if (plan) count(draw(box, plan));
    else {
      box.classList.add('chart-missing');
      box.textContent = 'No data for this chart.';
      failed++;
    }
  }
  for (const group of document.querySelectorAll<HTMLElement>('[data-chart-group]')) {
    for (const plan of planCharts(group.dataset['chartGroup'] ?? '', data)) {
      const caption = document.createElement('h3');
      caption.textContent = plan.caption ?? '';
      const box = document.createElement('div');
      box.className = 'chart';
      box.dataset['chart'] = plan.key;
      box.setAttribute('role', 'img');
      box.setAttribute('aria-label', plan.caption ?? plan.key);
      const cell = document.createElement('div');
      cell.className = 'chart-cell';
      cell.append(caption, box);
      group.append(cell);
      count(draw(box, plan));
    }
  }
  return { drawn, failed };
}

function main(): void {
  const root = document.documentElement;
  try {
    const element = document.getElementById(REPORT_DATA_ELEMENT_ID);
    const data = JSON.parse(element?.textContent ?? 'null') as EmbeddedReport;
    const { drawn, failed } = drawAll(data);
    const resize = () => Object.values(charts).forEach((chart) => chart.resize());
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
    window.matchMedia('print').addEventListener('change', resize);
    root.setAttribute(REPORT_READY_ATTRIBUTE, failed === 0 ? String(drawn) : `error: ${failed} chart(s) not drawn`);
  } catch (err) {
    root.setAttribute(REPORT_READY_ATTRIBUTE, `error: ${(err as Error).message}`);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
