import {
  appendFileSync,
  chmodSync,
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import writeFileAtomic from 'write-file-atomic';

/**
 * Everything Trailcase stores (fetched events, investigations, drafts, pending submissions, Jira
 * settings) is private to the user (promise 20): folders 0700, files 0600, whatever the umask,
 * and anything an older version or a loose umask left readable is tightened when found. Other
 * local users could otherwise read an investigation's CloudTrail events and notes.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Whether group or others have any access. */
const isLoose = (mode: number) => (mode & 0o077) !== 0;

/**
 * Whether a root folder may be tightened: not a shared folder (sticky, like /tmp, named with
 * `--cache-dir /tmp`) and not another user's. Folders Trailcase creates inside are 0700 anyway.
 */
function isOwnRoot(info: Stats): boolean {
  const uid = process.getuid?.();
  return (info.mode & 0o1000) === 0 && (uid === undefined || info.uid === uid);
}

/**
 * Creates `root/…subfolders` and makes each level, from `root` down, 0700 (tightened if looser;
 * the root only when it is the user's own and not shared). Folders above `root` are left alone.
 * Returns the full path.
 */
export function ensurePrivateDirSync(root: string, ...subfolders: string[]): string {
  const target = join(root, ...subfolders);
  mkdirSync(target, { recursive: true, mode: PRIVATE_DIR_MODE });
  let dir = root;
  for (const part of ['', ...subfolders]) {
    dir = join(dir, part);
    const info = statSync(dir);
    if (isLoose(info.mode) && (dir !== root || isOwnRoot(info))) chmodSync(dir, PRIVATE_DIR_MODE);
  }
  return target;
}

/** ensurePrivateDirSync, without blocking. */
export async function ensurePrivateDir(root: string, ...subfolders: string[]): Promise<string> {
  const target = join(root, ...subfolders);
  await mkdir(target, { recursive: true, mode: PRIVATE_DIR_MODE });
  let dir = root;
  for (const part of ['', ...subfolders]) {
    dir = join(dir, part);
    const info = await stat(dir);
    if (isLoose(info.mode) && (dir !== root || isOwnRoot(info))) await chmod(dir, PRIVATE_DIR_MODE);
  }
  return target;
}

/**
 * Tightens every folder (0700) and file (0600) under `dir` that is looser. Links are not followed,
 * so a link planted in the store cannot make Trailcase change another file.
 */
export function tightenTreeSync(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info || info.isSymbolicLink()) continue;
    if (isLoose(info.mode)) chmodSync(path, info.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
    if (info.isDirectory()) tightenTreeSync(path);
  }
}

/** tightenTreeSync, without blocking. */
export async function tightenTree(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (!info || info.isSymbolicLink()) continue;
    if (isLoose(info.mode)) await chmod(path, info.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
    if (info.isDirectory()) await tightenTree(path);
  }
}

/** Replaces a file atomically (temp file, fsync, rename) with one that is 0600 whatever the umask. */
export async function writePrivateFile(path: string, content: string): Promise<void> {
  await writeFileAtomic(path, content, { fsync: true, mode: PRIVATE_FILE_MODE });
}

/** writePrivateFile, blocking. */
export function writePrivateFileSync(path: string, content: string): void {
  writeFileAtomic.sync(path, content, { fsync: true, mode: PRIVATE_FILE_MODE });
}

/** Appends to a file (created 0600, tightened if looser) and forces the bytes to disk. */
export function appendPrivateFileSync(path: string, content: string): void {
  const fd = openSync(path, 'a', PRIVATE_FILE_MODE);
  try {
    if (isLoose(fstatSync(fd).mode)) fchmodSync(fd, PRIVATE_FILE_MODE);
    appendFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
