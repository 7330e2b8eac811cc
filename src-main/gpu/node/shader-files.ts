/** Shader sources from the repository's shaders/ folder (or another root, for a packaged app). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { MixscopeError } from '../../engine/core/errors.js';
import type { ShaderLoader } from '../wgsl/pipelines.js';

export const SHADERS_ROOT = fileURLToPath(new URL('../../../shaders/', import.meta.url));

export function fileShaderLoader(root: string = process.env['MIXSCOPE_SHADERS'] ?? SHADERS_ROOT): ShaderLoader {
  const base = resolve(root);
  return async (relativePath) => {
    const path = resolve(join(base, relativePath));
    if (!path.startsWith(base)) throw new MixscopeError(`shader path '${relativePath}' leaves ${base}`, 'io');
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw new MixscopeError(`cannot read shader ${path}`, 'io');
    }
  };
}
