/** .npy reading and writing against handcrafted bytes laid out as numpy.lib.format specifies. */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../core/errors.js';
import { tensor } from '../core/tensor.js';
import { readNpy, writeNpy } from './npy.js';

/** Magic, version, little-endian header length, the dict padded with spaces to 64 bytes, '\n', then data. */
function npyBytes(major: number, dict: string, data: Uint8Array, encoding: 'latin1' | 'utf8' = 'latin1'): Uint8Array {
  const prefix = major === 1 ? 10 : 12;
  const dictBytes = encoding === 'utf8' ? new TextEncoder().encode(dict) : Uint8Array.from(dict, (c) => c.charCodeAt(0));
  const total = Math.ceil((prefix + dictBytes.length + 1) / 64) * 64;
  const header = new Uint8Array(total).fill(0x20);
  header.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0], 0);
  const view = new DataView(header.buffer);
  if (major === 1) view.setUint16(8, total - prefix, true);
  else view.setUint32(8, total - prefix, true);
  header.set(dictBytes, prefix);
  header[total - 1] = 0x0a;
  const out = new Uint8Array(total + data.length);
  out.set(header);
  out.set(data, total);
  return out;
}

function floats(values: number[], width: 4 | 8, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(values.length * width);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => (width === 4 ? view.setFloat32(i * 4, v, littleEndian) : view.setFloat64(i * 8, v, littleEndian)));
  return out;
}

const VALUES = [1.5, -2, 3.25, 0.1, 1e-300, -0];

describe('readNpy', () => {
  it.each([
    [1, '<f8', 8, true],
    [2, '>f8', 8, false],
    [3, '<f4', 4, true],
    [1, '>f4', 4, false],
  ] as const)('reads v%i %s', (major, descr, width, little) => {
    const bytes = npyBytes(major, `{'descr': '${descr}', 'fortran_order': False, 'shape': (2, 3), }`, floats(VALUES, width, little));
    const t = readNpy(bytes, 'Q.npy');
    expect(t.shape).toEqual([2, 3]);
    expect(t.data).toBeInstanceOf(width === 4 ? Float32Array : Float64Array);
    const expected = width === 4 ? Array.from(Float32Array.from(VALUES)) : VALUES;
    expect(Array.from(t.data)).toEqual(expected);
  });

  it('reads 1-d and 0-d shapes and a UTF-8 v3 header', () => {
    expect(readNpy(npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", floats([1, 2, 3], 8, true))).shape).toEqual([3]);
    expect(Array.from(readNpy(npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", floats([7], 8, true))).data)).toEqual([7]);
    const v3 = npyBytes(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } #é", floats([4], 8, true), 'utf8');
    expect(Array.from(readNpy(v3).data)).toEqual([4]);
  });

  it.each([
    ['bad magic', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0, 0]), 'Q.npy: not a NumPy .npy file (bad magic; expected \\x93NUMPY)'],
    ['fortran order', npyBytes(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", floats(VALUES, 8, true)), 'Q.npy: fortran_order is True'],
    ['an integer dtype', npyBytes(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }", floats(VALUES, 8, true)), "Q.npy: dtype '<i8' is not supported"],
    ['float16', npyBytes(1, "{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }", new Uint8Array(6)), "dtype '<f2' is not supported"],
    ['truncated data', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", floats(VALUES.slice(0, 5), 8, true)), 'Q.npy: truncated data: shape (2, 3) needs 48 bytes, the file holds 40'],
    ['a truncated header', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", new Uint8Array()).subarray(0, 30), 'Q.npy: truncated .npy header'],
    ['version 4', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", floats([1], 8, true)).map((b, i) => (i === 6 ? 4 : b)), 'version 4.0 is not supported'],
    ['a missing shape', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, }", floats([1], 8, true)), "no valid 'shape' entry"],
    ['a hexadecimal size', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (0x4,), }", floats([1, 2, 3, 4], 8, true)), "Q.npy: the .npy shape (0x4,) holds '0x4', not a size (a decimal integer)"],
    ['a float size', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (8.0,), }", floats([1], 8, true)), "holds '8.0', not a size"],
    ['an exponent', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1e3,), }", floats([1], 8, true)), "holds '1e3', not a size"],
    ['a negative size', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", floats([1], 8, true)), "holds '-1', not a size"],
    ['an empty entry', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,,3), }", floats([1], 8, true)), "holds '', not a size"],
    ['65 dimensions', npyBytes(1, `{'descr': '<f8', 'fortran_order': False, 'shape': (${Array(65).fill(1).join(',')}), }`, floats([1], 8, true)), 'has 65 dimensions'],
    // Refused from the header alone: nothing is allocated for a file that claims 8 TB.
    ['a size past the cap', npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }", floats([1], 8, true)), 'is over the 1073741824 bytes of data a file may hold'],
    ['a product past 2^53', npyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (999999999999999, 999999999999999, 0), }", new Uint8Array()), 'is over the 1073741824 bytes'],
  ])('refuses %s with a clear message', (_what, bytes, message) => {
    expect(() => readNpy(bytes, 'Q.npy')).toThrow(MixscopeError);
    expect(() => readNpy(bytes, 'Q.npy')).toThrow(message);
  });
});

describe('writeNpy', () => {
  it.each([Float64Array, Float32Array])('round-trips %o with a 64-byte aligned v1 header', (Type) => {
    const t = tensor([2, 3], Type.from(VALUES));
    const bytes = writeNpy(t);
    expect(bytes[6]).toBe(1);
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    expect(bytes[10 + headerLength - 1]).toBe(0x0a);
    const back = readNpy(bytes);
    expect(back.shape).toEqual([2, 3]);
    expect(back.data).toBeInstanceOf(Type);
    expect(Array.from(back.data)).toEqual(Array.from(t.data));
    expect(new TextDecoder('latin1').decode(bytes.subarray(10, 10 + headerLength))).toContain(`'descr': '<f${Type.BYTES_PER_ELEMENT}'`);
  });

  it('writes a 1-d shape as a one-element tuple', () => {
    const bytes = writeNpy(tensor([4], new Float64Array(4)));
    expect(new TextDecoder('latin1').decode(bytes.subarray(10, 80))).toContain("'shape': (4,)");
  });
});
