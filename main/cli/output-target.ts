import { constants } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import writeFileAtomic from 'write-file-atomic';

import { ApiError } from '../../shared/api/errors';
import { printOut } from './terminal-output';

/**
 * Where `--out` writes. A regular file (or a name not taken yet) is replaced atomically (temp
 * file, rename), so a crash never leaves half a file. Anything else is written in place and
 * never replaced: a rename would turn a FIFO or a device into a regular file, and as root would
 * replace /dev/null itself. A regular file reached through an open descriptor (`/dev/stdout`,
 * `/dev/fd/3`, `/proc/self/fd/N`) is appended to, as the shell opened it: `--out /dev/stdout
 * >> log` adds to the log and never wipes it. `-` is stdout.
 */
export type OutputTarget = { kind: 'stdout' } | { kind: 'replace'; path: string } | { kind: 'in-place'; path: string };

const maxLinks = 40;

/** Whether a folder is a process's table of open descriptors (/proc/PID/fd; /dev/fd links there). */
function isDescriptorFolder(folder: string): boolean {
  return /^\/proc\/(self|thread-self|\d+)(\/task\/\d+)?\/fd$/.test(folder) || folder === '/dev/fd';
}

/** Whether following the path's symbolic links passes through an open descriptor. */
async function goesThroughDescriptor(path: string): Promise<boolean> {
  let current = resolve(path);
  for (let hop = 0; hop < maxLinks; hop++) {
    const folder = await realpath(dirname(current)).catch(() => dirname(current));
    if (isDescriptorFolder(folder)) return true;
    const here = join(folder, basename(current));
    if (!(await lstat(here)).isSymbolicLink()) return false;
    current = resolve(folder, await readlink(here));
  }
  return false;
}

function refuse(path: string, why: string): never {
  throw new ApiError('BAD_INPUT', `--out ${path}: ${why}`);
}

/** Decides how `--out PATH` is written, before any work is done, refusing what cannot be written. */
export async function outputTarget(path: string | undefined): Promise<OutputTarget> {
  if (path === undefined || path === '-') return { kind: 'stdout' };
  const link = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    return refuse(path, `cannot be checked (${error.code ?? 'unreadable'}).`);
  });
  if (!link) return { kind: 'replace', path };
  const target = await stat(path).catch((error: NodeJS.ErrnoException) =>
    refuse(
      path,
      error.code === 'ENOENT'
        ? 'is a symbolic link to nothing; Trailcase does not replace it.'
        : `cannot be checked (${error.code ?? 'unreadable'}).`,
    ),
  );
  if (target.isFIFO() || target.isCharacterDevice()) return { kind: 'in-place', path };
  if (target.isDirectory()) refuse(path, 'is a folder; name a file.');
  if (!target.isFile()) refuse(path, 'is neither a file, a FIFO nor a character device; Trailcase writes to nothing else.');
  if (link.isSymbolicLink() && (await goesThroughDescriptor(path))) return { kind: 'in-place', path };
  return { kind: 'replace', path };
}

async function writeInPlace(path: string, text: string): Promise<void> {
  // No O_CREAT, no O_TRUNC: what is there is written to, never made anew or emptied.
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND | (constants.O_NOCTTY ?? 0));
  try {
    const opened = await handle.stat();
    // Checked again on the open descriptor: the path may have changed since it was decided.
    if (!opened.isFIFO() && !opened.isCharacterDevice() && !opened.isFile())
      refuse(path, 'changed into something Trailcase does not write to.');
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a command's whole output to `--out PATH` (or stdout), deciding again at the moment of
 * writing: a long fetch checks the path first, and the path may have changed since.
 */
export async function writeOutput(path: string | undefined, text: string): Promise<void> {
  const target = await outputTarget(path);
  if (target.kind === 'stdout') return printOut(text);
  if (target.kind === 'in-place') return writeInPlace(target.path, text);
  await writeFileAtomic(target.path, text);
}
