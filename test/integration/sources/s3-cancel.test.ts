import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DOWNLOADS_AT_ONCE } from '../../../main/services/sources/s3/s3-downloads';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { spawnCli } from '../cli/spawn-cli';
import { manyObjects, s3Env } from './s3-corpus';

const root = resolve(__dirname, '../../..');
const BUCKET = 'cancel-trail';
const OBJECTS = 40;
const FIRST_RUN = 12;

let fake: FakeS3;
let release: () => void = () => {};
const held = new Promise<void>((done) => (release = done));
beforeAll(async () => {
  fake = await startFakeS3({ buckets: { [BUCKET]: manyObjects(OBJECTS) } });
});
afterAll(async () => {
  release();
  await fake.close();
});

const args = ['fetch', '--source', `s3://${BUCKET}/`, '--user', 'alice', '--start', '2026-03-01T00:00:00Z', '--end', '2026-03-01T23:00:00Z'];
const gets = (from: number, to = fake.calls.length) => fake.calls.slice(from, to).filter((call) => call.operation === 'GetObject');

/** Every file and folder under the cache, with its mode. */
function modes(dir: string): { path: string; mode: number; folder: boolean }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const info = statSync(path);
    const entry = { path, mode: info.mode & 0o777, folder: info.isDirectory() };
    return info.isDirectory() ? [entry, ...modes(path)] : [entry];
  });
}

describe('Ctrl+C during S3 downloads, then a rerun', () => {
  it('keeps what arrived (exit 4), and the rerun fetches only the objects still missing', async () => {
    const env = s3Env(fake.url);
    // After FIRST_RUN answers, every GetObject is held: once all the download slots wait on one,
    // each object before them has been written to the cache, and Ctrl+C comes then.
    let answered = 0;
    const tsx = pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', tsx, resolve(root, 'main/cli/main.ts'), ...args], {
      env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let [stdout, stderr, waiting] = ['', '', 0];
    fake.setOptions({
      onRequest: async (call) => {
        if (call.operation !== 'GetObject') return;
        if (answered < FIRST_RUN) {
          answered += 1;
          return;
        }
        waiting += 1;
        if (waiting === DOWNLOADS_AT_ONCE) child.kill('SIGINT');
        await held;
      },
    });
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    fake.setOptions({ onRequest: undefined });
    expect(code, stderr).toBe(4);
    expect(stderr).toContain(`${FIRST_RUN} downloaded`);
    expect(stderr).toContain('cancelled');
    expect((JSON.parse(stdout) as { Records: unknown[] }).Records).toHaveLength(FIRST_RUN);
    const firstKeys = gets(0).map((call) => call.key);
    const completed = new Set(gets(0).filter((call) => call.status === 200).map((call) => call.key));
    expect(completed.size).toBe(FIRST_RUN);
    // Never the whole list at once: the held requests are the download slots, no more.
    expect(firstKeys).toHaveLength(FIRST_RUN + DOWNLOADS_AT_ONCE);

    const from = fake.calls.length;
    const rerun = await spawnCli(args, { env });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`${OBJECTS - FIRST_RUN} downloaded`);
    expect(rerun.stderr).toContain(`${FIRST_RUN} from the cache`);
    const again = gets(from).map((call) => call.key);
    expect(again.filter((key) => completed.has(key))).toEqual([]);
    expect(new Set([...completed, ...again]).size).toBe(OBJECTS);
    const ids = (JSON.parse(rerun.stdout) as { Records: { eventID: string }[] }).Records.map((record) => record.eventID);
    expect(new Set(ids).size).toBe(OBJECTS);

    // The cache is private: folders 0700, files 0600, no temp file or run folder left behind.
    const entries = modes(env.TRAILCASE_CACHE_DIR!);
    expect(entries.filter((entry) => entry.mode !== (entry.folder ? 0o700 : 0o600))).toEqual([]);
    expect(entries.filter((entry) => entry.path.endsWith('.part'))).toEqual([]);
    expect(readdirSync(join(env.TRAILCASE_CACHE_DIR!, 's3-views'))).toEqual([]);
  }, 60_000);
});
