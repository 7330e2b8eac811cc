/**
 * Flag parsing over node:util parseArgs, strict: an unknown flag, a missing value or a stray
 * argument is a MixscopeError naming the command and the flag, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MixscopeError } from '../engine/core/errors.js';
import { DTYPES, type DType } from '../engine/core/tensor.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(command: string, argv: readonly string[], options: O) {
  return parseCommandLine(command, argv, options, false).values;
}

/** Flags and positional arguments (`mixscope compare A.json B.json --json`). */
export function parseCommandLine<O extends Options>(command: string, argv: readonly string[], options: O, allowPositionals: boolean) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const raw = (err as Error).message;
    const flag = /'(-[^' ]+)/.exec(raw)?.[1] ?? '';
    const known = Object.keys(options).map((o) => `--${o}`).join(', ');
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new MixscopeError(`mixscope ${command}: unknown option '${flag}' (options: ${known})`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new MixscopeError(`mixscope ${command}: unexpected argument ${/'([^']*)'/.exec(raw)?.[0] ?? ''}; every input is a --flag`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new MixscopeError(`mixscope ${command}: option '${flag}' needs a value`);
    }
    throw new MixscopeError(`mixscope ${command}: ${raw.split('\n')[0]}`);
  }
}

export function intFlag(name: string, raw: string | undefined, min = 1): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min) {
    throw new MixscopeError(`--${name} must be an integer ≥ ${min}; got '${raw}'`);
  }
  return value;
}

export function numberFlag(name: string, raw: string | undefined, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min) throw new MixscopeError(`--${name} must be a number ≥ ${min}; got '${raw}'`);
  return value;
}

export function listFlag(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** float16 is accepted here; whether a backend offers it is checked where the backends are known (dtype.ts). */
export function dtypeFlag(raw: string | undefined): DType | undefined {
  if (raw === undefined || (DTYPES as readonly string[]).includes(raw)) return raw as DType | undefined;
  throw new MixscopeError(`--dtype must be float64, float32 or float16; got '${raw}'`);
}

const UNITS: Record<string, number> = { '': 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3 };

/** Bytes, with an optional KiB/MiB/GiB suffix: '512MiB', '2G', '1048576'. */
export function bytesFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new MixscopeError(`--${name} must be a size such as 512MiB or 2GiB; got '${raw}'`);
  }
  return Math.round(Number(match[1]) * unit);
}

/** Repeated `k=v` (or `prefix.k=v`) flags into a record; '=' is required. */
export function keyValueFlags(name: string, raw: readonly string[] | undefined): [string, string][] {
  return (raw ?? []).map((entry) => {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new MixscopeError(`--${name} takes name=value; got '${entry}'`);
    return [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()];
  });
}
