import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { ensurePrivateDir, writePrivateFile } from '../storage/private-files';

/**
 * Writes JSON so that a crash at any moment leaves either the old file or the new one, never a
 * mix: write-file-atomic writes a temp file beside it, fsyncs it and renames it over the target.
 * The file is 0600 and its folder 0700 (promise 20).
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await ensurePrivateDir(dirname(path));
  await writePrivateFile(path, `${JSON.stringify(value)}\n`);
}

/** Reads a JSON file; null when it does not exist. A file that does not parse is an error. */
export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/** Removes temp files that a killed writer left behind (`name.json.<hash>`). */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((name) => /\.json\.[0-9a-f]+$/i.test(name)).map((name) => rm(join(dir, name), { force: true })));
}
