/**
 * Web mode for the e2e suite: `mixscope serve` itself, in-process, on an ephemeral port of
 * 127.0.0.1 with a temporary data directory, serving the built renderer.
 */
import type { CliIo } from '../../src-main/cli/io.js';
import { serveCommand } from '../../src-main/cli/serve.js';

export interface WebMode {
  /** `http://127.0.0.1:PORT/?token=...`: opening it sets the cookie the page and its WebSocket need. */
  readonly url: string;
  /** Stops the server as Ctrl-C does, and waits for it to shut its services down. */
  close(): Promise<void>;
}

export async function startWebMode(options: { dataDir: string; rendererDir: string }): Promise<WebMode> {
  const previousRendererDir = process.env['MIXSCOPE_RENDERER_DIR'];
  process.env['MIXSCOPE_RENDERER_DIR'] = options.rendererDir;
  let interrupt: (() => void) | undefined;
  let exit: Promise<number> | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    const io: CliIo = {
      stdout: (text) => {
        // The URL with this start's token: the page cannot be opened without it.
        const served = /mixscope serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
        if (served) resolve(served);
      },
      stderr: () => undefined,
      isTTY: false,
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => (interrupt = undefined);
      },
    };
    exit = serveCommand(['--port', '0', '--data', options.dataDir], io);
    exit.catch(reject);
  });
  return {
    url,
    close: async () => {
      interrupt?.();
      await exit;
      if (previousRendererDir === undefined) delete process.env['MIXSCOPE_RENDERER_DIR'];
      else process.env['MIXSCOPE_RENDERER_DIR'] = previousRendererDir;
    },
  };
}
