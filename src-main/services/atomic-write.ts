/**
 * Durable file writes. `writeFileAtomic`: a reader (or a crash, or a power cut) never sees half a
 * file: the data goes to a temporary file in the same folder, is flushed to the disk (fsync), then
 * renamed over the target (atomic within one file system), and the folder itself is flushed so the
 * rename survives a power cut. Temporary files are named `.<target>.<pid>.<hex>.tmp`, so a later
 * start can tell a dead writer's leftovers (`isStaleTempFile`) and remove them.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export interface WriteOptions {
  /** fsync the file and its folder (default true); a rebuildable cache may skip it. */
  readonly durable?: boolean;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      if (durable) await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  if (durable) await syncFolder(dirname(path));
}

/** Flushes a folder's entries (a created, renamed or removed file) to the disk; a no-op where folders cannot be opened (Windows). */
export async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await handle?.close();
  }
}

/** The pid that wrote a temporary file of `writeFileAtomic`, or null for any other name. */
export function tempFileWriter(name: string): number | null {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : null;
}
