/**
 * `#include "common/<file>.wgsl"` for WGSL, which has none: a line holding only the directive is
 * replaced by that file's text, recursively. Each file enters a module at most once (a second
 * include of it is dropped, as behind an include guard), so helpers may include what they use
 * without clashing definitions. A cycle or a missing file is an error naming the including file
 * and line. Resolved here, in the host-agnostic runner, so every host's loader stays a plain
 * "read one file".
 */
import { MixscopeError } from '../../engine/core/errors.js';
import type { ShaderLoader } from './pipelines.js';

/** Where one line of the assembled module came from (1-based line). */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

export interface ResolvedShader {
  /** The entry file, as asked for. */
  readonly shader: string;
  readonly code: string;
  /** One entry per line of `code`, for mapping compiler messages back to the files. */
  readonly lines: readonly SourceLine[];
}

const INCLUDE = /^\s*#include\b(.*)$/;
const INCLUDE_PATH = /^\s+"(common\/[A-Za-z0-9_\-/]+\.wgsl)"\s*(\/\/.*)?$/;

export async function resolveIncludes(shader: string, load: ShaderLoader): Promise<ResolvedShader> {
  const code: string[] = [];
  const lines: SourceLine[] = [];
  const included = new Set<string>([shader]);

  const expand = async (file: string, text: string, stack: readonly string[]): Promise<void> => {
    const sourceLines = text.split(/\r?\n/);
    if (sourceLines.at(-1) === '') sourceLines.pop();
    for (const [index, sourceLine] of sourceLines.entries()) {
      const where = `shaders/${file}:${index + 1}`;
      const directive = INCLUDE.exec(sourceLine);
      if (!directive) {
        code.push(sourceLine);
        lines.push({ file, line: index + 1 });
        continue;
      }
      const target = INCLUDE_PATH.exec(directive[1] ?? '')?.[1];
      if (target === undefined || target.split('/').includes('..')) {
        throw new MixscopeError(`${where}: expected #include "common/<file>.wgsl", got '${sourceLine.trim()}'`, 'invalid-input');
      }
      if (stack.includes(target)) {
        throw new MixscopeError(`${where}: #include "${target}" is a cycle (${[...stack, target].join(' → ')})`, 'invalid-input');
      }
      if (included.has(target)) continue;
      included.add(target);
      let includedText: string;
      try {
        includedText = await load(target);
      } catch (err) {
        throw new MixscopeError(`${where}: #include "${target}": ${err instanceof Error ? err.message : String(err)}`, 'io');
      }
      await expand(target, includedText, [...stack, target]);
    }
  };

  await expand(shader, await load(shader), [shader]);
  return { shader, code: code.join('\n') + '\n', lines };
}

/**
 * `shaders/<file>:<line>:<column>` for a 1-based line of an assembled module (as compilers report them),
 * naming the entry file too when the line came from an include.
 */
export function sourceLocation(resolved: ResolvedShader, lineNum: number, linePos: number): string {
  const source = resolved.lines[lineNum - 1];
  if (!source) return `shaders/${resolved.shader} (module line ${lineNum}:${linePos})`;
  const at = `shaders/${source.file}:${source.line}:${linePos}`;
  return source.file === resolved.shader ? at : `${at} (included by shaders/${resolved.shader})`;
}
