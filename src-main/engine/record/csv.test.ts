/** CSV export of hostile records: text a spreadsheet would run is neutralised, numbers stay numbers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutralizeFormula, runRecordToCsv } from './csv.js';
import { parseRunRecord } from './parse.js';
import { RECORD_VERSION } from './schema.js';

const golden = () => parseRunRecord(JSON.parse(readFileSync(fileURLToPath(new URL(`./golden/valid-v${RECORD_VERSION}.json`, import.meta.url)), 'utf8')));

describe('CSV formula neutralisation', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+cmd|/C calc', '-2+3+cmd|x', '@SUM(A1:A9)', '\t=1', '\r=1'])('writes %j as text', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(['-0.5', '-1e-300', '+3', '-1;2;3.5', 'softmax-attention', 'ok', ''])('leaves %j as it is', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });

  it('neutralises record text in the export and keeps negative numbers exact', () => {
    const record = golden();
    const [first, ...rest] = record.points;
    const hostile = { ...first!, host: '=HYPERLINK("http://evil.example","click")', reason: '@SUM(1)', samplesMs: [-0.30000000000000004, 1.5] };
    const csv = runRecordToCsv({ ...record, points: [hostile, ...rest] });
    const row = csv.split('\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(row).toContain(",'@SUM(1),");
    expect(row.endsWith(',-0.30000000000000004;1.5')).toBe(true);
    expect(csv.split('\n')[0]!.split(',')).toEqual([...CSV_COLUMNS]);
    expect(csv.split('\n').filter((line) => /(^|,)"?[=+@]/.test(line))).toEqual([]);
  });
});
