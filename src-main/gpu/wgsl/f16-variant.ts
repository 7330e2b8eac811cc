/**
 * The float16 form of a WGSL module, made from its float32 source text (after #include), so that
 * one source serves both dtypes and the float32 path is never touched.
 *
 * Storage is f16, arithmetic is f32: every `array<f32>` storage buffer the caller names becomes
 * `array<f16>`, every read of it `f32(X[i])`, every store `X[i] = f16(v)` (a compound `X[i] += v`
 * becomes `X[i] = f16(f32(X[i]) + (v))`). So all products, dot products, softmax's running max and
 * sum, scans and workgroup tiles stay f32, and rounding to f16 happens exactly where a value is
 * stored: what f16 buys on a GPU is memory and bandwidth, and f32 accumulation keeps the error at
 * the few f16 roundings of the stored values (the float16 tolerance, engine/sweep/measure.ts).
 *
 * 'f16-emulated' keeps `array<f32>` and rounds every store with WGSL's core `quantizeToF16`: the
 * same roundings in the same places, runnable on adapters without `shader-f16`, so the numerics
 * of the f16 path are tested where no such adapter exists (it proves nothing about f16 codegen).
 */
import { MixscopeError } from '../../engine/core/errors.js';

export type StorageMode = 'f32' | 'f16' | 'f16-emulated';

const STORAGE_DECL = /(@group\(0\)\s*@binding\((\d+)\)\s*var<storage,\s*(?:read|read_write)>\s+)([A-Za-z_]\w*)(\s*:\s*)array<f32>/g;

/** Comments blanked (newlines kept, so line numbers hold): text in them is not code to rewrite. */
export function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ''));
}

/** The module's `array<f32>` storage buffers (group 0), in declaration order. */
export function f32StorageBuffers(code: string): { binding: number; name: string }[] {
  return [...withoutComments(code).matchAll(STORAGE_DECL)].map((m) => ({ binding: Number(m[2]), name: m[3]! }));
}

/** The index just past the bracket that closes the one at `open`. */
function closing(code: string, open: number, shader: string): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '[') depth++;
    else if (code[i] === ']' && --depth === 0) return i + 1;
  }
  throw new MixscopeError(`${shader}: unbalanced '[' at offset ${open}`, 'unsupported');
}

/** The end (exclusive) of a store's right-hand side: the `;` outside any parentheses or brackets. */
function statementEnd(code: string, from: number, shader: string): number {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ';' && depth === 0) return i;
  }
  throw new MixscopeError(`${shader}: a store without ';' at offset ${from}`, 'unsupported');
}

/** The names a function declares (parameters, let/var/const): inside it they are not the buffers. */
function localNames(params: string, body: string): Set<string> {
  const names = [...params.matchAll(/(?:^|,)\s*(?:@\w+(?:\([^)]*\))?\s*)*([A-Za-z_]\w*)\s*:/g)].map((m) => m[1]!);
  for (const m of body.matchAll(/\b(?:let|var|const)\s+([A-Za-z_]\w*)/g)) names.push(m[1]!);
  return new Set(names);
}

/** The index just past the brace that closes the one at `open`. */
function closingBrace(code: string, open: number, shader: string): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return i + 1;
  }
  throw new MixscopeError(`${shader}: unbalanced '{' at offset ${open}`, 'unsupported');
}

/**
 * Rewrites every function body, each without the buffer names it declares itself (a scan's
 * `var h: array<f32, 8>` in one function, the buffer `h` in another): scopes are per function,
 * so a function that declares a buffer's name never touches that buffer in this rewrite.
 */
function rewriteFunctions(code: string, names: ReadonlySet<string>, mode: 'f16' | 'f16-emulated', shader: string): string {
  // Parameters may carry attributes with their own parentheses: @builtin(local_invocation_index) li: u32.
  const header = /\bfn\s+\w+\s*\(((?:[^()]|\([^()]*\))*)\)[^{]*\{/g;
  let out = '';
  let at = 0;
  for (let m = header.exec(code); m; m = header.exec(code)) {
    const open = m.index + m[0].length - 1;
    const end = closingBrace(code, open, shader);
    const body = code.slice(open, end);
    const locals = localNames(m[1]!, body);
    const visible = new Set([...names].filter((n) => !locals.has(n)));
    out += code.slice(at, open) + rewrite(body, visible, mode, shader);
    at = end;
    header.lastIndex = end;
  }
  return out + code.slice(at);
}

function rewrite(code: string, names: ReadonlySet<string>, mode: 'f16' | 'f16-emulated', shader: string): string {
  if (names.size === 0) return code;
  const access = new RegExp(`(?<![\\w.])(${[...names].join('|')})\\s*\\[`, 'g');
  let out = '';
  let at = 0;
  for (;;) {
    access.lastIndex = at;
    const m = access.exec(code);
    if (!m) return out + code.slice(at);
    const name = m[1]!;
    const open = m.index + m[0].length - 1;
    const close = closing(code, open, shader);
    const target = `${name}[${rewrite(code.slice(open + 1, close - 1), names, mode, shader)}]`;
    out += code.slice(at, m.index);
    const after = code.slice(close);
    const store = /^\s*([+\-*/]?)=(?!=)/.exec(after);
    if (/^\s*(\+\+|--)/.test(after)) throw new MixscopeError(`${shader}: '${name}[…]++' has no f16 rewrite; write it as an assignment`, 'unsupported');
    if (!store) {
      out += mode === 'f16' ? `f32(${target})` : target;
      at = close;
      continue;
    }
    const rhsStart = close + store[0].length;
    const end = statementEnd(code, rhsStart, shader);
    const rhs = rewrite(code.slice(rhsStart, end), names, mode, shader).trim();
    const op = store[1];
    const current = mode === 'f16' ? `f32(${target})` : target;
    const value = op ? `${current} ${op} (${rhs})` : rhs;
    out += `${target} = ${mode === 'f16' ? 'f16' : 'quantizeToF16'}(${value})`;
    at = end;
  }
}

/**
 * `code` with its f32 storage buffers stored as f16 (all but those at the bindings in `keepF32`:
 * a buffer is known by its binding, since shared files name their buffers their own way), or
 * unchanged for 'f32'. Throws, naming the shader, where the text does something the rewrite cannot follow.
 */
export function storageVariant(code: string, mode: StorageMode, shader: string, keepF32: ReadonlySet<number> = new Set()): string {
  if (mode === 'f32') return code;
  code = withoutComments(code);
  const names = new Set(f32StorageBuffers(code).filter((b) => !keepF32.has(b.binding)).map((b) => b.name));
  let text = rewriteFunctions(code, names, mode, shader);
  if (mode === 'f16') {
    text = text.replace(STORAGE_DECL, (whole, head: string, _binding: string, name: string, colon: string) => (names.has(name) ? `${head}${name}${colon}array<f16>` : whole));
    // On the first line, so that compiler messages keep their line numbers (includes.ts maps them).
    text = `enable f16; ${text}`;
  }
  return text;
}
