import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { spawnCli } from './spawn-cli';

/**
 * `--out` never replaces what is not a regular file: a FIFO or a device is written in place,
 * a file the shell opened for us (`/dev/stdout`) is appended to, `-` is stdout, and what cannot
 * be written is refused before the fetch starts. The demo account gives the events.
 */
let work: string;
/** Readers to end after each test, even one that timed out while its reader still waited. */
const readers: Array<ReturnType<typeof spawn>> = [];
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'trailcase-out-'));
});
afterEach(() => {
  for (const reader of readers.splice(0)) reader.kill();
  rmSync(work, { recursive: true, force: true });
});

const fetchDemo = ['fetch', '--profile', 'demo', '--user', 'jmorales', '--since', '14d'];
const env = () => ({ TRAILCASE_CACHE_DIR: join(work, 'cache') });

function recordsOf(text: string): Array<{ eventID: string }> {
  return (JSON.parse(text) as { Records: Array<{ eventID: string }> }).Records;
}

/** Runs `cat PATH` (a reader the test can always end), resolving with what it read. */
function readFifo(path: string) {
  const reader = spawn('cat', [path], { stdio: ['ignore', 'pipe', 'ignore'] });
  readers.push(reader);
  let text = '';
  reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return new Promise<string>((resolve) => reader.on('close', () => resolve(text)));
}

describe('trailcase fetch --out', () => {
  test('"-" is stdout, and no file named "-" appears', async () => {
    const run = await spawnCli([...fetchDemo, '--out', '-'], { env: env(), cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(recordsOf(run.stdout).length).toBeGreaterThan(10);
    expect(existsSync(join(work, '-'))).toBe(false);
  }, 60_000);

  test('a FIFO is written in place and stays a FIFO', async () => {
    const fifo = join(work, 'events.fifo');
    execFileSync('mkfifo', [fifo]);
    const read = readFifo(fifo);
    const run = await spawnCli([...fetchDemo, '--out', fifo], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(recordsOf(await read).length).toBeGreaterThan(10);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 60_000);

  test('/dev/null is written to, never replaced: it is still the same character device', async () => {
    const before = statSync('/dev/null');
    try {
      const run = await spawnCli([...fetchDemo, '--out', '/dev/null'], { env: env() });
      expect(run.code, run.stderr).toBe(0);
      const after = lstatSync('/dev/null');
      expect(after.isCharacterDevice()).toBe(true);
      expect([after.rdev, after.ino]).toEqual([before.rdev, before.ino]);
    } finally {
      // As root, a regression would have replaced /dev/null itself: put the device back.
      if (process.getuid?.() === 0 && !lstatSync('/dev/null').isCharacterDevice())
        execFileSync('sh', ['-c', 'rm -f /dev/null && mknod -m 666 /dev/null c 1 3']);
    }
  }, 60_000);

  test('--out /dev/stdout with stdout appended to a log (>> log) adds to the log and keeps what it held', async () => {
    const log = join(work, 'fetch.log');
    writeFileSync(log, 'earlier line\n');
    const fd = openSync(log, 'a');
    try {
      const run = await spawnCli([...fetchDemo, '--out', '/dev/stdout'], { env: env(), stdout: fd });
      expect(run.code, run.stderr).toBe(0);
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('earlier line\n')).toBe(true);
    expect(recordsOf(text.slice('earlier line\n'.length)).length).toBeGreaterThan(10);
    expect(lstatSync(log).isFile()).toBe(true);
  }, 60_000);

  test('a regular file is replaced whole; a symbolic link to one stays a link to the new content', async () => {
    const target = join(work, 'events.json');
    const link = join(work, 'latest.json');
    writeFileSync(target, 'old content that is longer than nothing\n'.repeat(100));
    symlinkSync(target, link);
    const run = await spawnCli([...fetchDemo, '--out', link], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(recordsOf(readFileSync(target, 'utf8')).length).toBeGreaterThan(10);
  }, 60_000);

  test('a folder or a link to nothing is refused before fetching (exit 2), and left as it was', async () => {
    const folder = join(work, 'folder');
    mkdirSync(folder);
    const dangling = join(work, 'dangling.json');
    symlinkSync(join(work, 'nowhere', 'x.json'), dangling);
    const intoFolder = await spawnCli([...fetchDemo, '--out', folder], { env: env() });
    expect(intoFolder.code).toBe(2);
    expect(intoFolder.stderr).toContain('is a folder');
    expect(intoFolder.stderr).not.toContain('Getting credentials');
    const intoNothing = await spawnCli([...fetchDemo, '--out', dangling], { env: env() });
    expect(intoNothing.code).toBe(2);
    expect(intoNothing.stderr).toContain('symbolic link to nothing');
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(lstatSync(folder).isDirectory()).toBe(true);
  }, 60_000);

  test('a reader that goes away (| head) ends the output quietly: exit 0, no EPIPE stack trace', async () => {
    // The records are some 400 KB, far more than a pipe holds: the CLI is still writing when the reader closes.
    const run = await spawnCli([...fetchDemo, '--out', '-'], { env: env(), onStdout: (_text, close) => close() });
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|at .*\(node:/);
    expect(run.code).toBe(0);
  }, 60_000);
});
