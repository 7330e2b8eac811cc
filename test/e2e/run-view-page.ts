/** Reading the run view from the page: the curves every chart drew, a click on a drawn point, axe-core. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import type { ChartSeries } from './ui.js';

/** Reference lines that belong to no curve: slopes, baselines, tolerances, roofs, reference objects. */
const REFERENCE = /^(theory|baseline · |tolerance|roof |L×L scores|d×d_v state|2·L·d KV cache|N×P state|r·D state)/;

/**
 * The `mixer.form` of every curve drawn in every chart under `scope`: series names for the curve
 * charts, the point refs and compared pairs for the cell charts (fastest form, crossover matrix).
 */
export async function drawnCurves(page: Page, scope: string): Promise<string[]> {
  const all = await page.locator(`${scope} .charts .echart`).evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-series') ?? '[]'));
  const curves = new Set<string>();
  for (const text of all) {
    for (const s of JSON.parse(text) as ChartSeries[]) {
      if (s.type === 'custom' && (s.name === 'fastest form' || s.name === 'crossover L')) {
        for (const d of s.data as { ref?: string; pair?: string[] }[]) {
          if (d.ref) curves.add(d.ref.split('|').slice(0, 2).join('.'));
          for (const key of d.pair ?? []) curves.add(key);
        }
      } else if (!REFERENCE.test(s.name) && s.name !== '') {
        // `mixer.form · backend  L^k`, or a focus curve named by its mixer (`mixer` or `mixer theory: …`).
        const key = s.name.split(' · ')[0]!.split(' ')[0]!;
        curves.add(key.includes('.') ? key : `${key}.`);
      }
    }
  }
  return [...curves];
}

/**
 * Of the data of the line series `pick` chooses, the one drawn farthest from every datum of the
 * chart's other series (page pixels), and its point ref: a pointer there meets that curve alone,
 * however close the measured curves happen to run in this sweep.
 */
export async function isolatedDatumAt(chart: Locator, pick: (s: ChartSeries) => boolean): Promise<{ x: number; y: number; ref: string }> {
  const series = JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as ChartSeries[];
  await chart.scrollIntoViewIfNeeded();
  const drawn: { series: number; x: number; y: number; ref?: string | undefined }[] = [];
  for (const [seriesIndex, s] of series.entries()) {
    if (s.type !== 'line') continue;
    for (const [dataIndex, datum] of (s.data as { ref?: string }[]).entries()) {
      await chart.evaluate((box, detail) => box.dispatchEvent(new CustomEvent('mixscope:locate', { detail })), { seriesIndex, dataIndex });
      const [x, y] = ((await chart.getAttribute('data-located')) ?? '').split(',').map(Number);
      if (Number.isFinite(x) && Number.isFinite(y)) drawn.push({ series: seriesIndex, x: x!, y: y!, ref: datum?.ref });
    }
  }
  let best: { x: number; y: number; ref: string; clearance: number } | undefined;
  for (const p of drawn) {
    if (!p.ref || !pick(series[p.series]!)) continue;
    const clearance = Math.min(...drawn.filter((q) => q.series !== p.series).map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
    if (!best || clearance > best.clearance) best = { x: p.x, y: p.y, ref: p.ref, clearance };
  }
  const origin = await chart.boundingBox();
  if (!best || !origin) throw new Error(`no drawn datum with a ref in the chosen series of ${JSON.stringify(series.map((s) => s.name))}`);
  return { x: origin.x + best.x, y: origin.y + best.y, ref: best.ref };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: string[];
}

/**
 * axe-core's serious and critical violations on the page as it stands. Its source comes from
 * node_modules (no network) and is evaluated through the DevTools protocol: the page's CSP refuses
 * inline scripts, so a script tag (addScriptTag) would be blocked, as it should be.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
