/**
 * The header of a NumPy .npy file (format versions 1.0, 2.0 and 3.0, numpy.lib.format):
 * magic "\x93NUMPY", major, minor, header length (uint16 LE in v1, uint32 LE in v2/v3), then a
 * Python dict literal {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), } padded with
 * spaces and ended by '\n' so the data starts at a multiple of 64 bytes. v3 allows UTF-8 text.
 */
import { MixscopeError } from '../core/errors.js';

export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

export interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: number[];
  /** Byte offset of the first data byte. */
  readonly dataOffset: number;
}

function field(dict: string, key: string, pattern: string, source: string): RegExpExecArray {
  const match = new RegExp(`['"]${key}['"]\\s*:\\s*${pattern}`).exec(dict);
  if (!match) throw new MixscopeError(`${source}: the .npy header has no valid '${key}' entry: ${dict.trim()}`);
  return match;
}

/** NumPy's own limit on dimensions (NPY_MAXDIMS is 64 since NumPy 2). */
export const NPY_MAX_DIMS = 64;
/** The most data a .npy file may announce: 1 GiB, far past any canonical input mixscope reads. */
export const NPY_MAX_DATA_BYTES = 2 ** 30;

/**
 * The shape tuple: decimal integers only, as NumPy writes them (`(3, 4)`, `(5,)`, `()`, Python 2's
 * `3L`). `Number()` would take '0x4', '8.0', '1e3' or ' ' too, so each entry is matched first.
 */
function parseShape(text: string, source: string): number[] {
  const inner = text.trim();
  if (inner === '') return [];
  const entries = inner.split(',').map((s) => s.trim());
  // One trailing comma is Python's one-element tuple; an empty entry anywhere else is not a shape.
  if (entries.length > 1 && entries[entries.length - 1] === '') entries.pop();
  if (entries.length > NPY_MAX_DIMS) throw new MixscopeError(`${source}: the .npy shape has ${entries.length} dimensions, more than NumPy's ${NPY_MAX_DIMS}`);
  return entries.map((s) => {
    if (!/^\d{1,15}L?$/.test(s)) throw new MixscopeError(`${source}: the .npy shape (${text.slice(0, 200)}) holds '${s.slice(0, 40)}', not a size (a decimal integer)`);
    return Number(s.replace(/L$/, ''));
  });
}

/** Elements × width, refused past NPY_MAX_DATA_BYTES before anything is allocated (no overflow: checked per factor). */
export function npyDataBytes(shape: readonly number[], width: number, source: string): number {
  let bytes = width;
  for (const n of shape) {
    bytes *= n;
    if (bytes > NPY_MAX_DATA_BYTES) {
      throw new MixscopeError(`${source}: the .npy shape (${shape.join(', ')}) is over the ${NPY_MAX_DATA_BYTES} bytes of data a file may hold`);
    }
  }
  return bytes;
}

export function readNpyHeader(bytes: Uint8Array, source: string): NpyHeader {
  if (bytes.length < 10 || NPY_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new MixscopeError(`${source}: not a NumPy .npy file (bad magic; expected \\x93NUMPY)`);
  }
  const major = bytes[6]!;
  if (major < 1 || major > 3) throw new MixscopeError(`${source}: .npy format version ${major}.${bytes[7]} is not supported (1, 2 or 3)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) throw new MixscopeError(`${source}: truncated .npy header`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lenBytes;
  const dataOffset = start + headerLength;
  if (bytes.length < dataOffset) {
    throw new MixscopeError(`${source}: truncated .npy header (${headerLength} bytes announced, ${bytes.length - start} present)`);
  }
  const dict = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, dataOffset));
  const descr = field(dict, 'descr', `['"]([^'"]*)['"]`, source)[1]!;
  const fortran = field(dict, 'fortran_order', '(True|False)', source)[1] === 'True';
  const shape = parseShape(field(dict, 'shape', '\\(([^)]*)\\)', source)[1]!, source);
  return { descr, fortranOrder: fortran, shape, dataOffset };
}

/** The header dict, padded so that magic + length + header is a multiple of 64 bytes. */
export function writeNpyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const padded = (prefix: number): number => Math.ceil((prefix + dict.length + 1) / 64) * 64;
  // v1 stores the header length in 16 bits; longer headers (thousands of dims) need v2.
  const major = padded(10) - 10 > 0xffff ? 2 : 1;
  const prefix = major === 1 ? 10 : 12;
  const total = padded(prefix);
  const text = `${dict.padEnd(total - prefix - 1, ' ')}\n`;
  const out = new Uint8Array(total);
  out.set(NPY_MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[prefix + i] = text.charCodeAt(i);
  return out;
}
