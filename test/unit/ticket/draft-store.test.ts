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

  // 200 processes on a loaded 2-core machine: each round's writer is started (and has loaded its
  // code) while the previous one works, so a round costs about one kill, not one Node start-up.
  it('always leaves a draft that parses and equals a version written when killed at random moments 200 times', async () => {
    const writer = join(work, 'draft-writer.cjs');
    await build({
      entryPoints: [join(__dirname, 'fixtures', 'draft-writer.ts')],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      outfile: writer,
      logLevel: 'silent',
    });
    const dataDir = join(work, 'crash');
    const store = createDraftStore(dataDir);
    await store.save('crash', draftVersion(0));
    let lastSeen = 0;
    let next = startWriter(writer, dataDir);
    // The last round is killed late enough to have written, whatever the load: the test cannot
    // pass without a single version having landed.
    for (let round = 0; round <= 200; round++) {
      const current = next;
      await current.ready;
      next = startWriter(writer, dataDir);
      const started = await current.runAndKill(lastSeen + 1, round === 200 ? 1500 : Math.random() * 12);
      const saved = await createDraftStore(dataDir).load('crash');
      expect(saved).not.toBeNull();
      const n = Number(/^Version (\d+)$/.exec(saved!.draft.summary ?? '')?.[1]);
      expect(n).toBeGreaterThanOrEqual(lastSeen);
      expect(n).toBeLessThanOrEqual(started);
      expect(saved!.draft).toEqual(draftVersion(n));
      lastSeen = n;
    }
    await next.stop();
    expect(lastSeen).toBeGreaterThan(0);
    expect((await readdir(join(dataDir, 'drafts'))).filter((name) => name !== 'crash.json')).toEqual([]);
  }, 180_000);
});

/**
 * A writer process, started now and waiting (after loading) for its first version number.
 * `runAndKill` lets it write, kills it with SIGKILL `delayMs` after its first `saving` line, and
 * returns the highest version it began.
 */
function startWriter(writer: string, dataDir: string) {
  const child = spawn(process.execPath, [writer, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  let highest = 0;
  let buffered = '';
  let onReady: () => void = () => {};
  let onSaving: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    if (/^ready$/m.test(buffered)) onReady();
    for (const match of buffered.matchAll(/saving (\d+)\n/g)) {
      highest = Math.max(highest, Number(match[1]));
      onSaving();
    }
    buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
  });
  return {
    ready,
    async runAndKill(first: number, delayMs: number): Promise<number> {
      highest = first - 1;
      // The kill clock starts once the writer is writing, so every round kills it mid-work.
      const writing = new Promise<void>((resolve) => (onSaving = resolve));
      child.stdin.write(`${first}\n`);
      await writing;
      const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      await exited;
      clearTimeout(timer);
      return highest;
    },
    async stop(): Promise<void> {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
