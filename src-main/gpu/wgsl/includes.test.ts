/** `#include` resolution over an in-memory shaders/ tree; needs no device. */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../../engine/core/errors.js';
import { resolveIncludes, sourceLocation } from './includes.js';
import type { ShaderLoader } from './pipelines.js';

function memoryLoader(files: Record<string, string>): ShaderLoader & { reads: string[] } {
  const reads: string[] = [];
  const load = async (path: string): Promise<string> => {
    reads.push(path);
    const text = files[path];
    if (text === undefined) throw new MixscopeError(`cannot read shader ${path}`, 'io');
    return text;
  };
  return Object.assign(load, { reads });
}

describe('wgsl #include', () => {
  it('replaces a directive line by the file, recursively, each file once', async () => {
    const load = memoryLoader({
      'm/entry.wgsl': '#include "common/a.wgsl"\n  #include "common/b.wgsl"  // b uses a\nfn main() {}\n',
      'common/a.wgsl': 'fn a() {}\n',
      'common/b.wgsl': '#include "common/a.wgsl"\nfn b() { a(); }\n',
    });
    const resolved = await resolveIncludes('m/entry.wgsl', load);
    expect(resolved.code).toBe('fn a() {}\nfn b() { a(); }\nfn main() {}\n');
    expect(load.reads).toEqual(['m/entry.wgsl', 'common/a.wgsl', 'common/b.wgsl']);
    expect(resolved.lines).toEqual([
      { file: 'common/a.wgsl', line: 1 },
      { file: 'common/b.wgsl', line: 2 },
      { file: 'm/entry.wgsl', line: 3 },
    ]);
  });

  it('leaves a module without directives as it is', async () => {
    const text = '// #include "common/a.wgsl" is only a comment here\r\nfn main() {}\n';
    const resolved = await resolveIncludes('m/plain.wgsl', memoryLoader({ 'm/plain.wgsl': text }));
    expect(resolved.code).toBe(text.replace('\r', ''));
  });

  it('names the including file and line for a missing file', async () => {
    const load = memoryLoader({ 'm/entry.wgsl': 'fn x() {}\n#include "common/gone.wgsl"\n' });
    await expect(resolveIncludes('m/entry.wgsl', load)).rejects.toThrow(
      /^shaders\/m\/entry\.wgsl:2: #include "common\/gone\.wgsl": cannot read shader common\/gone\.wgsl$/,
    );
  });

  it('names the including file and line for a cycle', async () => {
    const load = memoryLoader({
      'm/entry.wgsl': '#include "common/a.wgsl"\n',
      'common/a.wgsl': 'fn a() {}\n#include "common/b.wgsl"\n',
      'common/b.wgsl': '\n\n#include "common/a.wgsl"\n',
    });
    const failure = resolveIncludes('m/entry.wgsl', load);
    await expect(failure).rejects.toBeInstanceOf(MixscopeError);
    await expect(failure).rejects.toThrow(
      'shaders/common/b.wgsl:3: #include "common/a.wgsl" is a cycle (m/entry.wgsl → common/a.wgsl → common/b.wgsl → common/a.wgsl)',
    );
  });

  it('rejects a path outside common/ or a malformed directive', async () => {
    for (const line of ['#include "ssd/scan.wgsl"', '#include "common/../ssd/scan.wgsl"', '#include common/a.wgsl', '#include "common/a.wgsl" fn']) {
      const load = memoryLoader({ 'm/entry.wgsl': `${line}\n`, 'common/a.wgsl': '' });
      await expect(resolveIncludes('m/entry.wgsl', load), line).rejects.toThrow(/^shaders\/m\/entry\.wgsl:1: expected #include "common\/<file>\.wgsl"/);
    }
  });

  it('maps a compiler line back to the file it came from', async () => {
    const load = memoryLoader({ 'm/entry.wgsl': '#include "common/a.wgsl"\nfn main() {}\n', 'common/a.wgsl': 'fn a() {}\nfn b() {}\n' });
    const resolved = await resolveIncludes('m/entry.wgsl', load);
    expect(sourceLocation(resolved, 2, 4)).toBe('shaders/common/a.wgsl:2:4 (included by shaders/m/entry.wgsl)');
    expect(sourceLocation(resolved, 3, 1)).toBe('shaders/m/entry.wgsl:2:1');
    expect(sourceLocation(resolved, 9, 1)).toBe('shaders/m/entry.wgsl (module line 9:1)');
  });
});
