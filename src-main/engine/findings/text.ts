/** Number formats and intervals for the findings' sentences (the engine has no UI formatters). */

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  return `${(ms * 1000).toPrecision(3)} µs`;
}

export function formatL(L: number): string {
  return String(Math.round(L));
}

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/**
 * A confidence interval carried by a record object, when it has one: `ci` (or the named field) as
 * `{ lo, hi }`, `{ low, high }`, `{ lower, upper }` or `[lo, hi]`. Older records have none, and
 * no field is required.
 */
export function intervalOf(carrier: unknown, field = 'ci'): Interval | undefined {
  if (typeof carrier !== 'object' || carrier === null) return undefined;
  const raw = (carrier as Record<string, unknown>)[field];
  const pair = Array.isArray(raw)
    ? raw
    : typeof raw === 'object' && raw !== null
      ? (() => {
          const o = raw as Record<string, unknown>;
          return [o['lo'] ?? o['low'] ?? o['lower'], o['hi'] ?? o['high'] ?? o['upper']];
        })()
      : [];
  const [lo, hi] = pair as unknown[];
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) ? { lo, hi } : undefined;
}

/** ` (95% CI 150–210)` or nothing. */
export function intervalText(ci: Interval | undefined, format: (x: number) => string = formatL): string {
  return ci ? ` (95% CI ${format(ci.lo)}–${format(ci.hi)})` : '';
}

/**
 * A crossover's interval, whose ends may be open (null: some resamples did not cross on that side):
 * ` (95% CI 150–210)`, ` (95% CI 150–open)`, with `, wide` when the record flags it.
 */
export function crossoverIntervalText(c: unknown): string {
  const o = (typeof c === 'object' && c !== null ? c : {}) as { ci?: { lo?: unknown; hi?: unknown }; wide?: unknown };
  if (!o.ci || typeof o.ci !== 'object') return '';
  const end = (x: unknown, open: string) => (typeof x === 'number' && Number.isFinite(x) ? formatL(x) : open);
  return ` (95% CI ${end(o.ci.lo, 'open')}–${end(o.ci.hi, 'open')}${o.wide === true ? ', wide' : ''})`;
}

/** `a, b and c`. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
