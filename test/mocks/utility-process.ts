/**
 * Electron's `utilityProcess.fork` as Node can give it: a Node child process whose entry sees a
 * `process.parentPort` (utility-entry.mjs), with the UtilityProcess surface the app uses — `pid`,
 * `postMessage`, `kill`, and the 'message' and 'exit' events. TypeScript entries run through tsx.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';

const SHIM = new URL('./utility-entry.mjs', import.meta.url);

export class FakeUtilityProcess extends EventEmitter {
  private readonly child;

  constructor(entry: string, args: readonly string[], execArgv: readonly string[] = [], env?: NodeJS.ProcessEnv) {
    super();
    this.child = fork(SHIM, [entry, ...args], { serialization: 'advanced', execArgv: [...execArgv], env: env ?? process.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message) => this.emit('message', message));
    this.child.once('exit', (code, signal) => this.emit('exit', code ?? (signal ? 1 : 0)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as object);
  }

  kill(): boolean {
    return this.child.kill('SIGKILL');
  }
}

export function forkUtilityProcess(entry: string, args: readonly string[] = [], options: { execArgv?: readonly string[]; env?: NodeJS.ProcessEnv } = {}): FakeUtilityProcess {
  return new FakeUtilityProcess(entry, args, options.execArgv, options.env);
}
