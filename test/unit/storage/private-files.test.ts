import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import {
  appendPrivateFileSync,
  ensurePrivateDir,
  ensurePrivateDirSync,
  tightenTree,
  tightenTreeSync,
  writePrivateFile,
  writePrivateFileSync,
} from '../../../main/services/storage/private-files';

const modeOf = (path: string) => statSync(path).mode & 0o777;
let base: string;
let umask: number;

beforeEach(() => {
  // The usual umask, under which plain mkdir and writeFile give 0755 and 0644.
  umask = process.umask(0o022);
  base = mkdtempSync(join(tmpdir(), 'trailcase-private-'));
});
afterEach(() => {
  process.umask(umask);
  rmSync(base, { recursive: true, force: true });
});

describe.each([
  ['blocking', ensurePrivateDirSync, writePrivateFileSync, tightenTreeSync],
  ['async', ensurePrivateDir, writePrivateFile, tightenTree],
] as const)('private files (%s)', (_kind, ensureDir, writeFile, tighten) => {
  test('creates each folder from the root down 0700 under umask 022, and leaves the folders above alone', async () => {
    chmodSync(base, 0o755);
    const dir = await ensureDir(join(base, 'data'), 'jira', 'pending');
    expect(dir).toBe(join(base, 'data', 'jira', 'pending'));
    expect([modeOf(join(base, 'data')), modeOf(join(base, 'data', 'jira')), modeOf(dir)]).toEqual([0o700, 0o700, 0o700]);
    expect(modeOf(base)).toBe(0o755);
  });

  test('tightens a root and a folder found 0755', async () => {
    mkdirSync(join(base, 'data', 'drafts'), { recursive: true, mode: 0o755 });
    chmodSync(join(base, 'data'), 0o755);
    await ensureDir(join(base, 'data'), 'drafts');
    expect([modeOf(join(base, 'data')), modeOf(join(base, 'data', 'drafts'))]).toEqual([0o700, 0o700]);
  });

  test('leaves a shared root (sticky, like /tmp) as it is, and makes what it creates inside 0700', async () => {
    mkdirSync(join(base, 'shared'));
    chmodSync(join(base, 'shared'), 0o1777);
    await ensureDir(join(base, 'shared'), 'cloudtrail');
    expect(statSync(join(base, 'shared')).mode & 0o7777).toBe(0o1777);
    expect(modeOf(join(base, 'shared', 'cloudtrail'))).toBe(0o700);
  });

  test('writes a new file 0600, and replaces one found 0644 with one that is 0600', async () => {
    await writeFile(join(base, 'new.json'), '{}');
    writeFileSync(join(base, 'old.json'), 'old', { mode: 0o644 });
    await writeFile(join(base, 'old.json'), '{"v":2}');
    expect([modeOf(join(base, 'new.json')), modeOf(join(base, 'old.json'))]).toEqual([0o600, 0o600]);
  });

  test('tightens every folder and file found looser under a folder, without following links', async () => {
    mkdirSync(join(base, 'store', 'streams', 'abc'), { recursive: true, mode: 0o755 });
    writeFileSync(join(base, 'store', 'streams', 'abc', 'events.ndjson'), '{}\n', { mode: 0o644 });
    writeFileSync(join(base, 'store', 'index.json'), '{}', { mode: 0o640 });
    writeFileSync(join(base, 'outside.txt'), 'not ours', { mode: 0o644 });
    symlinkSync(join(base, 'outside.txt'), join(base, 'store', 'link'));
    await tighten(join(base, 'store'));
    expect(modeOf(join(base, 'store', 'streams'))).toBe(0o700);
    expect(modeOf(join(base, 'store', 'streams', 'abc'))).toBe(0o700);
    expect(modeOf(join(base, 'store', 'streams', 'abc', 'events.ndjson'))).toBe(0o600);
    expect(modeOf(join(base, 'store', 'index.json'))).toBe(0o600);
    expect(modeOf(join(base, 'outside.txt'))).toBe(0o644);
  });
});

test('an append creates the file 0600 and tightens one found 0644', () => {
  appendPrivateFileSync(join(base, 'new.ndjson'), 'a\n');
  writeFileSync(join(base, 'old.ndjson'), 'a\n', { mode: 0o644 });
  appendPrivateFileSync(join(base, 'old.ndjson'), 'b\n');
  expect([modeOf(join(base, 'new.ndjson')), modeOf(join(base, 'old.ndjson'))]).toEqual([0o600, 0o600]);
});
