import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs } from './format.js';
import { itemTooltip } from './tooltip.js';

describe('itemTooltip', () => {
  const format = itemTooltip([
    ['L', String],
    ['median', formatMs],
    ['bytes', formatBytes],
  ]);

  it('gives the exact numbers of the point under the cursor, with its note, and no inline-styled marker (the CSP refuses it)', () => {
    const html = format({ seriesName: 'softmax-attention.fused · js', marker: '•', data: { value: [512, 1.23456, 3 * 1024 ** 2], note: 'approximate kernel' } });
    expect(html).toBe('softmax-attention.fused · js<br/>L: <b>512</b><br/>median: <b>1.235 ms</b><br/>bytes: <b>3.000 MiB</b><br/><i>approximate kernel</i>');
  });

  it("shows the point's kernel configuration, escaped", () => {
    const html = format({ seriesName: 'softmax-attention.fused · wgsl', data: { value: [512], kernel: 'wgsl-matmul-tile microM=8, depth=16 (autotuned)' } });
    expect(html).toBe('softmax-attention.fused · wgsl<br/>L: <b>512</b><br/>kernel: wgsl-matmul-tile microM=8, depth=16 (autotuned)');
    expect(format({ data: { value: [64], kernel: '<script>x</script>' } })).toBe('<br/>L: <b>64</b><br/>kernel: &#60;script&#62;x&#60;/script&#62;');
  });

  it('skips values that are not numbers and escapes names read from files', () => {
    const html = format({ seriesName: '<img src=x>', data: [64, Number.NaN] });
    expect(html).toBe('&#60;img src=x&#62;<br/>L: <b>64</b>');
  });
});
