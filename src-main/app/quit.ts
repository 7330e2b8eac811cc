/**
 * Quitting: the running sweep's record is closed (every finished point kept) and the backends are
 * stopped, but within a bound. A compute window or host that hangs must not keep the app open
 * forever: past QUIT_TIMEOUT_MS the app exits anyway. Nothing is lost by that: every point is
 * already on the disk (the run store's log), and the next start closes the run as 'interrupted'.
 */
export const QUIT_TIMEOUT_MS = 5000;

export type ShutdownOutcome = 'done' | 'failed' | 'timed-out';

export function shutdownWithin(shutdown: () => Promise<void>, timeoutMs: number = QUIT_TIMEOUT_MS): Promise<ShutdownOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    const settle = (outcome: ShutdownOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    let started: Promise<void>;
    try {
      started = shutdown();
    } catch {
      return settle('failed');
    }
    started.then(
      () => settle('done'),
      () => settle('failed'),
    );
  });
}
