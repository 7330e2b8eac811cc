/**
 * A path inside the packaged app's asar, as the folder electron-builder unpacked it to
 * (electron-builder.json `asarUnpack`): the compute page and the shaders are served as plain
 * files. Unchanged when not packaged.
 */
import { sep } from 'node:path';

export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}
