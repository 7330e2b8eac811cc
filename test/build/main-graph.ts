/**
 * What a bundled entry loads when it starts: its static import graph (`import … from`, `export …
 * from`, top-level `require`), following the bundle's own chunks, not `import()` (loaded only when
 * called). For every file reached, the bare packages it imports and the packages rolldown inlined
 * into it (its `// node_modules/<package>/…` markers).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface EntryGraph {
  /** Files of the bundle loaded at start, entry first. */
  readonly files: string[];
  /** Bare specifiers imported by those files (`electron`, `zod`, `node:fs` …). */
  readonly imports: Set<string>;
  /** Packages whose code was inlined into those files. */
  readonly inlined: Set<string>;
  /** Total bytes of those files. */
  readonly bytes: number;
}

const STATIC = /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)/g;
/** rolldown marks inlined modules with a comment naming their path. */
const REGION = /^\/\/(?:#region)? node_modules\/((?:@[^/]+\/)?[^/]+)\//gm;

/** The package a specifier names: 'playwright-core/lib/x' → 'playwright-core', '@a/b/c' → '@a/b'. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function staticGraph(entry: string): EntryGraph {
  const files: string[] = [];
  const imports = new Set<string>();
  const inlined = new Set<string>();
  let bytes = 0;
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    bytes += statSync(file).size;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(REGION)) inlined.add(m[1]!);
    for (const m of text.matchAll(STATIC)) {
      const specifier = m[1] ?? m[2] ?? m[3]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else imports.add(specifier);
    }
  };
  visit(resolve(entry));
  return { files, imports, inlined, bytes };
}
