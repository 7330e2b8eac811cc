/** The report's calibration table: start and end figures, the drift, and a warning row where the machine's speed changed. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunRecord } from '../record/parse.js';
import { calibrationTable } from './calibration-table.js';
import { buildMarkdownReport } from './markdown.js';

const golden = (v: number) => parseRunRecord(JSON.parse(readFileSync(new URL(`../record/golden/valid-v${v}.json`, import.meta.url), 'utf8')));

describe('report: calibration and drift', () => {
  it('shows the end probe and flags a drift over 10%', () => {
    const table = calibrationTable(golden(7));
    expect(table.rows).toEqual([['js', 'float32', '2.5', '6.25', '1.625', '4.5', '-35.0%', "warning: the machine's speed changed under the run"]]);
    expect(table.rowClass).toEqual(['grade-caveat']);
  });

  it('shows a record without an end probe (v6) with dashes, and the calibration validity', () => {
    const table = calibrationTable(golden(6));
    expect(table.rows[0]!.slice(4)).toEqual(['—', '—', '—', expect.stringMatching(/^invalid: softmax-attention\/fused on wgsl/)]);
    expect(table.rowClass).toEqual(['']);
  });

  it("puts the table in the Markdown report's environment section", () => {
    const md = buildMarkdownReport({ kind: 'run', record: golden(7) });
    const environment = md.slice(md.indexOf('Environment'));
    expect(environment).toContain('| matmul GFLOP/s (end) |');
    expect(environment).toContain("warning: the machine's speed changed under the run");
  });
});
