import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDraftStore } from '../../../main/services/drafts/draft-store';
import { draftVersion } from './fixtures/draft-version';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'trailcase-drafts-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the draft store', () => {
  it('returns the last saved version', async () => {
    const store = createDraftStore(join(work, 'plain'));
    await store.save('inv-1', draftVersion(1));
    await store.save('inv-1', draftVersion(2));
    expect((await store.load('inv-1'))?.draft).toEqual(draftVersion(2));
    expect(await store.load('other')).toBeNull();
  });

  it('refuses a key that could leave its folder', async () => {
    const store = createDraftStore(join(work, 'keys'));
    await expect(store.save('../escape', draftVersion(1))).rejects.toThrow(/Invalid draft key/);
  });

  it('always leaves a draft that parses and equals a version written when killed at random moments 200 times', async () => {
    const writer = join(work, 'draft-writer.cjs');
    await build({
      entryPoints: [join(__dirname, 'fixtures', 'draft-writer.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: writer,
      logLevel: 'silent',
    });
    const dataDir = join(work, 'crash');
    const store = createDraftStore(dataDir);
    await store.save('crash', draftVersion(0));
    let lastSeen = 0;
    for (let round = 0; round < 200; round++) {
      const started = await runAndKill(writer, dataDir, lastSeen + 1, Math.random() * 12);
      const loaded = createDraftStore(dataDir);
      const saved = await loaded.load('crash');
      expect(saved).not.toBeNull();
      const n = Number(/^Version (\d+)$/.exec(saved!.draft.summary ?? '')?.[1]);
      expect(n).toBeGreaterThanOrEqual(lastSeen);
      expect(n).toBeLessThanOrEqual(started);
      expect(saved!.draft).toEqual(draftVersion(n));
      lastSeen = n;
    }
    expect((await readdir(join(dataDir, 'drafts'))).filter((name) => name !== 'crash.json')).toEqual([]);
  }, 60_000);
});

/** Starts the writer, kills it with SIGKILL after `delayMs` of writing, and returns the highest version it began. */
function runAndKill(writer: string, dataDir: string, first: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(first)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let highest = first - 1;
    let buffered = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const match of buffered.matchAll(/saving (\d+)\n/g)) highest = Math.max(highest, Number(match[1]));
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
      // The kill clock starts once the writer is writing, so every round kills it mid-work.
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve(highest);
    });
  });
}
