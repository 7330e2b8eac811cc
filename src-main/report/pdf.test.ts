/** The PDF printer's failures are one clear line: no Chromium where MIXSCOPE_CHROMIUM points. */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../engine/core/errors.js';
import { chromiumHtmlToPdf } from './pdf.js';

describe('chromiumHtmlToPdf', () => {
  it('names the missing browser and the variable that picks another', async () => {
    const printing = chromiumHtmlToPdf('<!doctype html><p>x</p>', '/nonexistent/chromium');
    await expect(printing).rejects.toBeInstanceOf(MixscopeError);
    await expect(printing).rejects.toThrow(/^cannot start Chromium \(\/nonexistent\/chromium; set MIXSCOPE_CHROMIUM\) to print the PDF: [^\n]+$/);
  });
});
