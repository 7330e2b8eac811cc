/**
 * Choosing the host of `wgsl` under Node: MIXSCOPE_WGSL_HOST parsing, the page as the fallback
 * when Dawn gives the worker no adapter (here: an empty route list), and both hosts probed.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './page-host.js';
import { parseWgslHost, probeWgslHosts, startWgslBackend } from './wgsl-hosts.js';

describe('MIXSCOPE_WGSL_HOST', () => {
  it('defaults to auto, takes node and page, and refuses anything else naming the variable', () => {
    expect(parseWgslHost(undefined)).toBe('auto');
    expect(parseWgslHost('page')).toBe('page');
    expect(() => parseWgslHost('gpu')).toThrow(/MIXSCOPE_WGSL_HOST='gpu' is not a wgsl host/);
  });
});

const chromium = existsSync(CHROMIUM_PATH);

describe.skipIf(!chromium)(`wgsl host choice${chromium ? '' : ` SKIPPED: ${CHROMIUM_PATH} is not installed`}`, () => {
  it('falls back to the compute page when Dawn finds no adapter', async () => {
    const backend = await startWgslBackend({ host: 'auto', routes: [], pageHost: true });
    try {
      expect((await backend.probe()).host).toBe('page (Chromium)');
    } finally {
      await backend.dispose();
    }
  });

  it('names both reasons when no host has an adapter', async () => {
    const attempt = startWgslBackend({ host: 'auto', routes: [], pageHost: false });
    await expect(attempt).rejects.toThrow(/no WebGPU adapter from Dawn.*page \(Chromium\): this host does not launch Chromium/);
  });

  it('probes both hosts, each naming itself', async () => {
    const [node, page] = await probeWgslHosts({ routes: [], pageHost: true });
    expect(node).toMatchObject({ available: false, reason: expect.stringContaining('no WebGPU adapter from Dawn') });
    expect(node!.host).toMatch(/^node-host/);
    expect(page).toMatchObject({ host: 'page (Chromium)' });
  });
});
