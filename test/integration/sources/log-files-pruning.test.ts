import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { fetchLogFiles } from '../../../main/services/sources/log-files/log-files-source';
import type { LogFilesProgress } from '../../../main/services/sources/log-files/log-files-source';
import { records, writeCorpus } from './log-corpus';

/** The log-file source through its worker thread: which files it opens, and what it reports. */
const root = mkdtempSync(join(tmpdir(), 'trailcase-prune-'));
writeCorpus(root);
const byUser = { filter: { kind: 'user' as const, userName: 'alice' } };

describe('the log-file source', () => {
  it('opens only the files of the asked region', async () => {
    const seen: LogFilesProgress[] = [];
    const result = await fetchLogFiles(
      root,
      { ...byUser, regions: ['eu-west-1'], start: 0, end: Date.parse('2027-01-01T00:00:00Z') },
      { onProgress: (p) => seen.push(p) },
    );
    expect(result.files).toBe(1);
    expect(result.events.map((event) => event.raw)).toEqual([records.aliceSession]);
    expect(seen.at(-1)).toMatchObject({ filesDone: 1, files: 1, events: 1 });
  });

  it('opens only the files of the days in range (and the day after), and keeps records in range', async () => {
    const result = await fetchLogFiles(root, {
      ...byUser,
      regions: [],
      start: Date.parse('2026-01-15T00:00:00Z'),
      end: Date.parse('2026-01-15T23:00:00Z'),
    });
    expect(result.files).toBe(1);
    expect(result.events).toEqual([{ eventId: '33333333-cccc-4000-8000-000000000001', region: 'us-west-2', raw: records.aliceJanuary }]);
  });

  it('gives a 1.0-era record without eventID the records reader’s stable id', async () => {
    const result = await fetchLogFiles(root, {
      ...byUser,
      regions: ['us-east-1'],
      start: Date.parse('2026-03-02T00:00:00Z'),
      end: Date.parse('2026-03-02T07:30:00Z'),
    });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]!.eventId).toMatch(/^unparsed-[0-9a-f]{8}-\d+$/);
  });

  it('stops when cancelled before it starts and keeps nothing it did not read', async () => {
    const stop = new AbortController();
    stop.abort();
    const result = await fetchLogFiles(root, { ...byUser, regions: [], start: 0, end: Date.now() }, { signal: stop.signal });
    expect(result).toMatchObject({ cancelled: true, events: [] });
  });
});
