/**
 * Where the CLI writes and how it hears Ctrl-C. `main` takes one so tests can capture output and
 * send an interrupt; the binary uses the process's own streams and SIGINT.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A terminal gets a redrawn progress bar; a pipe or file gets one plain line per point. */
  readonly isTTY: boolean;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

export function processIo(): CliIo {
  // `mixscope list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
}
