import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { StreamMessage } from '../../../shared/api/stream';
import { createFetchManager } from '../../../main/services/fetch/fetch-manager';
import { createFetchStore } from '../../../main/services/fetch/fetch-store';
import { openFilesDriver } from '../../../main/services/fetch/files-driver';
import type { SourceDriver } from '../../../main/services/fetch/source-driver';
import { paddedLogFile, records, writeCorpus } from './log-corpus';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `trailcase-${name}-`));
  folders.push(folder);
  return folder;
}

/** A manager over a fresh cache whose files driver records every file it hands back, per run. */
function manager(cacheDir: string, onMessage: (message: StreamMessage) => void = () => {}) {
  const messages: StreamMessage[] = [];
  const runs: string[][] = [];
  const fetches = createFetchManager({
    store: createFetchStore(cacheDir),
    emit: (message) => {
      messages.push(message);
      onMessage(message);
    },
    sourceFor: () => Promise.reject(new Error('no LookupEvents expected')),
    openSource: async (query): Promise<SourceDriver> => {
      if (query.source?.kind !== 'files') throw new Error('files only');
      const driver = await openFilesDriver(query.source.path);
      const seen: string[] = [];
      runs.push(seen);
      return {
        ...driver,
        run: (job) => driver.run({ ...job, onUnit: (unit) => (seen.push(unit.name), job.onUnit(unit)) }),
      };
    },
  });
  return { fetches, messages, runs };
}

const query = (path: string, overrides: Partial<FetchQuery> = {}): FetchQuery => ({
  profile: 'demo',
  regions: [],
  identity: { kind: 'user', userName: 'alice' },
  start: '2026-01-01T00:00:00Z',
  end: '2026-04-01T00:00:00Z',
  followSessions: false,
  source: { kind: 'files', path },
  ...overrides,
});

describe('a log-files fetch in the app', () => {
  it('stores the records of the files, streams them as pages and reports files, bytes and events', async () => {
    const folder = tempFolder('corpus');
    writeCorpus(folder);
    const cache = tempFolder('cache');
    const { fetches, messages } = manager(cache);
    const fetchId = await fetches.start(query(folder));
    const status = await fetches.settled(fetchId);
    expect(status.state).toBe('done');
    expect(status.regions).toEqual([]);
    expect(status.sourceProgress).toMatchObject({ kind: 'files', unit: 'files', done: 4, total: 4, failed: [], events: 5 });
    expect(status.sourceProgress!.bytesDone).toBe(status.sourceProgress!.bytes);
    // Own calls, through a service, a role session, a 1.0-era record and January's; the record
    // delivered twice is kept once.
    const expected = [records.alice, records.aliceByService, records.aliceSession, records.aliceOld, records.aliceJanuary].sort();
    const raws = fetches.events(fetchId, 0, 100).events.map((event) => event.raw).sort();
    expect(raws).toEqual(expected);
    const streamed = messages.flatMap((m) => (m.type === 'fetch.events' && m.fetchId === fetchId ? m.events : []));
    expect(streamed.map((event) => event.raw).sort()).toEqual(raws);
    expect(messages.some((m) => m.type === 'fetch.progress' && m.sourceProgress?.done === 4 && m.sourceProgress.total === 4)).toBe(true);
    // Shown again by another manager over the same cache (the app restarted): the same records.
    const again = manager(cache).fetches;
    expect(again.get(fetchId)).toMatchObject({ state: 'done', sourceProgress: { done: 4, total: 4 } });
    expect(again.events(fetchId, 0, 100).events.map((event) => event.raw).sort()).toEqual(raws);
  }, 60_000);

  it('pivots on an address: everyone behind it, from the same files', async () => {
    const folder = tempFolder('corpus');
    writeCorpus(folder);
    const { fetches } = manager(tempFolder('cache'));
    const fetchId = await fetches.start(query(folder, { identity: { kind: 'ip', address: '203.0.113.7' } }));
    expect((await fetches.settled(fetchId)).state).toBe('done');
    expect(fetches.events(fetchId, 0, 100).events.map((event) => event.raw).sort()).toEqual([records.bobSameAddress, records.aliceSession].sort());
  }, 60_000);

  it('names a file that cannot be read and keeps the others', async () => {
    const folder = tempFolder('corpus');
    writeCorpus(folder);
    writeFileSync(join(folder, 'broken.json'), '{"Records":[{"eventTime":');
    const { fetches } = manager(tempFolder('cache'));
    const fetchId = await fetches.start(query(folder));
    const status = await fetches.settled(fetchId);
    expect(status.state).toBe('done');
    expect(status.sourceProgress!.failed).toEqual([{ name: join(folder, 'broken.json'), message: expect.any(String) }]);
    expect(status.eventCount).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a path that does not exist before the fetch starts, saying what to give', async () => {
    const { fetches } = manager(tempFolder('cache'));
    await expect(fetches.start(query('/nonexistent/trail'))).rejects.toThrow(/Cannot read \/nonexistent\/trail: there is no such file or folder/);
  });

  it('keeps what arrived on Cancel, and Resume reads only the files not yet done', async () => {
    const folder = tempFolder('many');
    const day = join(folder, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01');
    mkdirSync(day, { recursive: true });
    const FILES = 300;
    const ids: string[] = [];
    for (let file = 0; file < FILES; file++) {
      const id = `${String(file).padStart(12, '0')}`;
      ids.push(`11111111-aaaa-4000-8000-${id}`);
      writeFileSync(join(day, `f${String(file).padStart(4, '0')}.json.gz`), paddedLogFile(records.alice.replace('000000000001"', `${id}"`)));
    }
    const cache = tempFolder('cache');
    // Cancel as the first file's events arrive.
    let cancelling: Promise<void> | null = null;
    const { fetches, runs } = manager(cache, (message) => {
      if (message.type === 'fetch.events') cancelling ??= fetches.cancel(message.fetchId);
    });
    const fetchId = await fetches.start(query(folder));
    await fetches.settled(fetchId);
    await cancelling;
    const cancelled = fetches.get(fetchId);
    expect(cancelled.state).toBe('cancelled');
    const kept = fetches.events(fetchId, 0, 5000).events.map((event) => event.eventId);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(FILES);
    expect(cancelled.sourceProgress).toMatchObject({ done: kept.length, total: FILES });

    // Resumed by a new manager (the app restarted): the rest, and not one file read again.
    const resumed = manager(cache);
    await resumed.fetches.resume(fetchId);
    const status = await resumed.fetches.settled(fetchId);
    expect(status.state).toBe('done');
    expect(status.sourceProgress).toMatchObject({ done: FILES, total: FILES, events: FILES });
    const [first, second] = [runs[0]!, resumed.runs[0]!];
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    expect(new Set([...first, ...second]).size).toBe(FILES);
    expect(resumed.fetches.events(fetchId, 0, 5000).events.map((event) => event.eventId).sort()).toEqual(ids.sort());
  }, 120_000);
});
