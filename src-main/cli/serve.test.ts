import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { parseServeArgs, serveCommand } from './serve.js';

describe('mixscope serve', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mixscope-serve-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>mixscope</title>');
    process.env['MIXSCOPE_RENDERER_DIR'] = dir;
  });
  afterEach(async () => {
    delete process.env['MIXSCOPE_RENDERER_DIR'];
    await rm(dir, { recursive: true, force: true });
  });

  it('parses --port and --data, refusing anything else with the usage', () => {
    expect(parseServeArgs(['--port', '8123', '--data', '/tmp/x'])).toEqual({ port: 8123, dataDir: '/tmp/x' });
    expect(() => parseServeArgs(['--port', 'http'])).toThrow("--port: expected a port number 0-65535, got 'http'");
    expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow(/unexpected argument '--host'/);
  });

  it('prints its loopback URL, serves the page, and stops on Ctrl-C', async () => {
    let interrupt = (): void => undefined;
    let exit: Promise<number> = Promise.resolve(-1);
    const printed = new Promise<string>((resolve) => {
      const io: CliIo = {
        stdout: (text) => {
          const url = /mixscope serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43})\n/.exec(text)?.[1];
          if (url) resolve(url);
        },
        stderr: () => undefined,
        isTTY: false,
        onInterrupt: (handler) => {
          interrupt = handler;
          return () => undefined;
        },
      };
      exit = serveCommand(['--port', '0', '--data', join(dir, 'data')], io);
    });
    const url = await printed;
    const bare = `${new URL(url).origin}/`;
    expect((await fetch(bare)).status).toBe(401);
    // The token's URL sets the cookie and drops the token from the address; the cookie opens the page.
    const entry = await fetch(url, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    expect(entry.headers.get('location')).toBe('/');
    const cookie = entry.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mixscope-token-\d+=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const page = await fetch(bare, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>mixscope</title>');
    interrupt();
    expect(await exit).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
