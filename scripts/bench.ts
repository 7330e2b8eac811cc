/**
 * `npm run bench`: runs every bench section and prints one JSON document (also written to
 * bench-results/bench.json). Timings belong here, never in pass/fail tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { BENCH_SECTIONS } from './bench/sections.js';

async function main(): Promise<void> {
  const started = performance.now();
  const sections = [];
  // MIXSCOPE_BENCH=id,id runs only those sections (one comparison without the whole suite).
  const only = process.env['MIXSCOPE_BENCH']?.split(',');
  for (const section of BENCH_SECTIONS.filter((s) => !only || only.includes(s.id))) {
    const t0 = performance.now();
    try {
      const result = await section.run();
      sections.push({ id: section.id, title: section.title, seconds: (performance.now() - t0) / 1000, ...result });
    } catch (err) {
      sections.push({ id: section.id, title: section.title, seconds: (performance.now() - t0) / 1000, error: String(err) });
    }
  }
  const report = {
    date: new Date().toISOString(),
    node: process.versions.node,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    seconds: (performance.now() - started) / 1000,
    sections,
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/bench.json', text);
  process.stdout.write(text);
}

await main();
