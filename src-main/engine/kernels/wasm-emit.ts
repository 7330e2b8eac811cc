/**
 * A small WebAssembly binary writer: just what the matmul kernel needs (i32 arithmetic, structured
 * loops, SIMD loads, stores and f32x4/f64x2 arithmetic). Bytes are built in TypeScript so the
 * engine needs no assembler, no build step and no native addon, and runs the same in Node, a
 * worker and a page. Opcodes are those of the WebAssembly core spec 2.0 (SIMD proposal merged).
 */
export type Bytes = number[];

export const I32 = 0x7f;
export const V128 = 0x7b;

export function uleb(n: number): Bytes {
  const out: Bytes = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): Bytes {
  const out: Bytes = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const vec = (items: Bytes[]): Bytes => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: Bytes): Bytes => [id, ...uleb(body.length), ...body];
const name = (s: string): Bytes => vec([...s].map((c) => [c.charCodeAt(0)]));

/** Instructions, each a byte list; `op.*` builds them. */
export const op = {
  get: (i: number): Bytes => [0x20, ...uleb(i)],
  set: (i: number): Bytes => [0x21, ...uleb(i)],
  tee: (i: number): Bytes => [0x22, ...uleb(i)],
  i32: (n: number): Bytes => [0x41, ...sleb(n)],
  add: [0x6a],
  sub: [0x6b],
  mul: [0x6c],
  ltU: [0x49],
  eqz: [0x45],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number): Bytes => [0x0c, ...uleb(depth)],
  brIf: (depth: number): Bytes => [0x0d, ...uleb(depth)],
  simd: (code: number, ...imm: Bytes): Bytes => [0xfd, ...uleb(code), ...imm],
};

/** SIMD opcodes used here (core spec 2.0, table "Vector Instructions"). */
export const SIMD = {
  load: 0x00,
  load32Splat: 0x09,
  load64Splat: 0x0a,
  store: 0x0b,
  const: 0x0c,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
  f64x2Add: 0xf0,
  f64x2Mul: 0xf2,
} as const;

export const memarg = (alignLog2: number, offset = 0): Bytes => [...uleb(alignLog2), ...uleb(offset)];

export interface FunctionDef {
  readonly name: string;
  readonly params: readonly number[];
  /** Extra locals after the params, in order. */
  readonly locals: readonly number[];
  readonly body: Bytes;
}

/** A module of exported functions without results, exporting its own growable memory as "memory". */
export function emitModule(functions: readonly FunctionDef[], initialPages = 1): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((p) => [p])), ...vec([])]);
  const code = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [...uleb(1), t]));
    const body = [...locals, ...f.body, ...op.end];
    return [...uleb(body.length), ...body];
  });
  const exports = [...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]), [...name('memory'), 0x02, ...uleb(0)]];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(initialPages)]])),
    ...section(7, vec(exports)),
    ...section(10, vec(code)),
  ]);
}
