/** What the e2e tests do and read on the page, named after the UI, so each test reads as steps. */
import type { Page } from 'playwright-core';

export interface ChartSeries {
  readonly name: string;
  readonly type: string;
  readonly points: number;
  readonly data: unknown[];
}

/** The series a chart drew, as its EChart component publishes them in `data-series`. */
export async function chartSeries(page: Page, chart: string, scope = 'main'): Promise<ChartSeries[]> {
  const text = await page.locator(`${scope} [data-chart="${chart}"] .echart`).first().getAttribute('data-series');
  return text ? (JSON.parse(text) as ChartSeries[]) : [];
}

export interface TinyRun {
  /** Forms to run, as `mixer/form`. */
  readonly forms: readonly string[];
  readonly lengths: string;
  readonly minTimeMs?: string;
  readonly repetitions?: string;
}

/** Opens the custom run, keeps only the given forms on the js backend, sets small sizes, starts. */
export async function startTinyRun(page: Page, run: TinyRun): Promise<void> {
  await page.locator('[data-test="quick-profile"]:enabled').waitFor();
  const custom = page.locator('details.custom-run');
  if ((await custom.getAttribute('open')) === null) await page.locator('details.custom-run > summary').click();
  for (const box of await page.locator('[data-test^="mixer-"]').all()) {
    if (await box.isChecked()) await box.click();
    if (await box.isChecked()) await box.click();
  }
  for (const id of run.forms) {
    const [mixer, form] = id.split('/');
    await page.locator(`[data-test="form-${mixer}-${form}"]`).check();
  }
  for (const box of await page.locator('[data-test^="backend-"]').all()) {
    const wanted = (await box.getAttribute('data-test')) === 'backend-js';
    if ((await box.isChecked()) !== wanted) await box.click();
  }
  await page.locator('[data-test="lengths-custom"]').check();
  await page.locator('[data-test="custom-lengths"]').fill(run.lengths);
  await page.locator('[data-test="field-d"]').fill('16');
  await page.locator('[data-test="field-dv"]').fill('16');
  await page.locator('[data-test="field-repetitions"]').fill(run.repetitions ?? '3');
  const sampling = page.locator('[data-test="sampling"]');
  if ((await sampling.getAttribute('open')) === null) await page.locator('[data-test="sampling"] > summary').click();
  await page.locator('[data-test="field-warmup"]').fill('2');
  await page.locator('[data-test="field-minTimeMs"]').fill(run.minTimeMs ?? '20');
  // Start waits for the machine's probe to name js available: on two busy cores that can take a minute.
  await page.locator('[data-test="start"]:enabled').click({ timeout: 150_000 });
}

/** The `done / total` of the progress bar. */
export async function progressValue(page: Page): Promise<{ done: number; total: number }> {
  const bar = page.locator('[data-test="progress"]');
  return { done: Number(await bar.getAttribute('value')), total: Number(await bar.getAttribute('max')) };
}

export async function waitForOutcome(page: Page, status: string, timeout = 60_000): Promise<string> {
  const outcome = page.locator('[data-test="run-outcome"]');
  await outcome.filter({ hasText: `Run ${status}` }).waitFor({ timeout });
  return (await outcome.textContent()) ?? '';
}
