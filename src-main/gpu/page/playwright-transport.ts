/** The CLI's and tests' transport to the compute page: Playwright's `page.evaluate`. */
import type { Page } from 'playwright-core';
import type { PageCall, PageReply, PageTransport } from './dispatch.js';
import { PAGE_API } from './wire.js';

type Answerer = { answer(call: PageCall): Promise<PageReply> };

export function playwrightTransport(page: Page): PageTransport {
  return {
    label: 'the compute page (Chromium)',
    isClosed: () => page.isClosed(),
    request: (call) => page.evaluate(([name, c]) => (window as unknown as Record<string, Answerer>)[name]!.answer(c), [PAGE_API, call] as const),
  };
}
