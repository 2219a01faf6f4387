import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { demoAccount, demoAnchor } from '../../../main/services/demo/demo-account';
import { prepareDemoLogFiles } from '../../../main/services/demo/demo-log-files';
import { createFetchManager } from '../../../main/services/fetch/fetch-manager';
import { createFetchStore } from '../../../main/services/fetch/fetch-store';
import { openFilesDriver } from '../../../main/services/fetch/files-driver';
import { findLogFiles } from '../../../main/services/sources/log-files/discover';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the demo account as log files', () => {
  it('writes the demo’s records as gzip log files in the S3 key layout, once per hour of the demo', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'trailcase-demo-files-'));
    folders.push(cache);
    const now = Date.parse('2026-12-01T10:30:00Z');
    const path = await prepareDemoLogFiles(cache, now);
    const { files } = await findLogFiles(path, { regions: [], start: 0, end: 8.64e15 });
    expect(files.length).toBeGreaterThan(10);
    expect(files.every((file) => /AWSLogs\/\d{12}\/CloudTrail\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/.+\.json\.gz$/.test(file.path))).toBe(true);
    expect(await prepareDemoLogFiles(cache, now + 60_000)).toBe(path);
  });

  it('gives the same records to the log-files source as the demo’s LookupEvents holds for a user', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'trailcase-demo-files-'));
    folders.push(cache);
    const now = Date.now();
    const path = await prepareDemoLogFiles(cache, now);
    const end = demoAnchor(now);
    const expected = [...demoAccount(end).byRegion.values()].flat().filter((event) => event.username === 'dkim');
    const fetches = createFetchManager({
      store: createFetchStore(cache),
      emit: () => {},
      sourceFor: () => Promise.reject(new Error('no LookupEvents expected')),
      openSource: () => openFilesDriver(path),
    });
    const fetchId = await fetches.start({
      profile: 'demo',
      regions: [],
      identity: { kind: 'user', userName: 'dkim' },
      start: new Date(end - 30 * 86_400_000).toISOString(),
      end: new Date(end).toISOString(),
      followSessions: false,
      source: { kind: 'files', path },
    });
    expect((await fetches.settled(fetchId)).state).toBe('done');
    const got = fetches.events(fetchId, 0, 5000).events;
    expect(got.map((event) => event.raw).sort()).toEqual(expected.map((event) => event.raw).sort());
  }, 60_000);
});
