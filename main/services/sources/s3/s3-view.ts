import { randomBytes } from 'node:crypto';
import { copyFile, link, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { ensurePrivateDir } from '../../storage/private-files';
import type { ArrivedObject } from './s3-downloads';

/**
 * Runs `use` on a folder that holds exactly these objects: hard links to their cached files (a
 * copy where links are refused), in a 0700 folder made for this run and removed after it, so the
 * log-file engine reads these objects and not whatever else the cache holds. `uriOf` names a file
 * of the folder by the s3:// address it came from.
 */
export async function withObjectFolder<T>(cacheDir: string, objects: readonly ArrivedObject[], use: (folder: string, uriOf: (path: string) => string) => Promise<T>): Promise<T> {
  const folder = await ensurePrivateDir(cacheDir, 's3-views', randomBytes(8).toString('hex'));
  try {
    const names = new Map<string, string>();
    for (const object of objects) {
      const target = join(folder, basename(object.path));
      await link(object.path, target).catch(() => copyFile(object.path, target));
      names.set(target, object.uri);
    }
    return await use(folder, (path) => names.get(path) ?? path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
