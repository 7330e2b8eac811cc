/**
 * Reading and writing tensors as NumPy .npy (MIXERS.md, "Canonical inputs"): float32 or float64,
 * either byte order, C order. Everything else is refused with a message that names the file and
 * what to change, never read half-way.
 */
import { MixscopeError } from '../core/errors.js';
import type { Tensor } from '../core/tensor.js';
import { npyDataBytes, readNpyHeader, writeNpyHeader } from './header.js';

const DESCR = /^([<>=|])f([48])$/;

export function readNpy(bytes: Uint8Array, source = '.npy file'): Tensor {
  const header = readNpyHeader(bytes, source);
  const match = DESCR.exec(header.descr);
  if (!match || match[1] === '|') {
    throw new MixscopeError(`${source}: dtype '${header.descr}' is not supported (float32 '<f4' or float64 '<f8' only)`);
  }
  if (header.fortranOrder) {
    throw new MixscopeError(`${source}: fortran_order is True; save a C-order array (np.ascontiguousarray) instead`);
  }
  // '=' is the writer's native order; NumPy itself writes '<' or '>', and every host we run on is little-endian.
  const littleEndian = match[1] !== '>';
  const width = match[2] === '4' ? 4 : 8;
  const count = npyDataBytes(header.shape, width, source) / width;
  const available = bytes.length - header.dataOffset;
  if (available < count * width) {
    throw new MixscopeError(
      `${source}: truncated data: shape (${header.shape.join(', ')}) needs ${count * width} bytes, the file holds ${available}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, count * width);
  const data = width === 4 ? new Float32Array(count) : new Float64Array(count);
  if (width === 4) for (let i = 0; i < count; i++) data[i] = view.getFloat32(i * 4, littleEndian);
  else for (let i = 0; i < count; i++) data[i] = view.getFloat64(i * 8, littleEndian);
  return { shape: header.shape, data };
}

/** Little-endian, C order; float32 data writes '<f4', float64 '<f8'. */
export function writeNpy(t: Tensor): Uint8Array {
  const width = t.data instanceof Float32Array ? 4 : 8;
  const header = writeNpyHeader(width === 4 ? '<f4' : '<f8', t.shape);
  const out = new Uint8Array(header.length + t.data.length * width);
  out.set(header, 0);
  const view = new DataView(out.buffer, header.length);
  if (width === 4) for (let i = 0; i < t.data.length; i++) view.setFloat32(i * 4, t.data[i]!, true);
  else for (let i = 0; i < t.data.length; i++) view.setFloat64(i * 8, t.data[i]!, true);
  return out;
}
