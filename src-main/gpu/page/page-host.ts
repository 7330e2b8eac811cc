/**
 * The Node side of the page host: build and serve the compute page, open it in headless Debian
 * Chromium through playwright-core, and hand out `PageBackend` proxies for its backends.
 */
import type { Browser, Page } from 'playwright-core';
import type { BackendId } from '../../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import { SHADERS_ROOT } from '../node/shader-files.js';
import { buildComputePage } from './build.js';
import { callPage, type PageTransport } from './dispatch.js';
import { PageBackend } from './page-backend.js';
import { playwrightTransport } from './playwright-transport.js';
import { servePage, type PageServer } from './server.js';
import { PAGE_API } from './wire.js';

/** Debian's Chromium by default; MIXSCOPE_CHROMIUM names another Chromium or Chrome binary. */
export const CHROMIUM_PATH = process.env['MIXSCOPE_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class PageHost {
  private readonly transport: PageTransport;

  private constructor(
    private readonly browser: Browser,
    private readonly server: PageServer,
    readonly page: Page,
  ) {
    this.transport = playwrightTransport(page);
  }

  /**
   * Builds (unless built), serves and opens the compute page. `outDir` picks where the build goes;
   * shaders come from `shadersDir` (MIXSCOPE_SHADERS, else the repository's shaders/).
   */
  static async start(options: { outDir?: string; forceBuild?: boolean; executablePath?: string; shadersDir?: string } = {}): Promise<PageHost> {
    const root = await buildComputePage(options.outDir, options.forceBuild);
    const { chromium } = await import('playwright-core');
    const shadersDir = options.shadersDir ?? process.env['MIXSCOPE_SHADERS'] ?? SHADERS_ROOT;
    const server = await servePage(root, { '/shaders/': shadersDir });
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForFunction((name) => name in window, PAGE_API, { timeout: 30_000 });
      return new PageHost(browser, server, page);
    } catch (err) {
      await browser?.close();
      await server.close();
      throw new MixscopeError(`could not open the compute page in Chromium: ${errorMessage(err)}`, 'backend-unavailable');
    }
  }

  async backendIds(): Promise<BackendId[]> {
    return callPage(this.transport, 'backendIds');
  }

  /** A Backend proxy per backend the page offers. */
  async backends(): Promise<PageBackend[]> {
    // Imported when used: the kernel tables load gpu.js, which whoever only needs CHROMIUM_PATH should not.
    const { localSupport } = await import('./local-support.js');
    return (await this.backendIds()).map((id) => new PageBackend(id, this.transport, localSupport));
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}
