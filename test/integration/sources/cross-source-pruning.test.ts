import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findLogFiles } from '../../../main/services/sources/log-files/discover';
import { A, crossObjects, ORG } from './cross-corpus';

/** Which files a folder source reads for one day in one region, from each level of the layout. */
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'trailcase-cross-prune-'));
  for (const [key, body] of Object.entries(crossObjects())) {
    mkdirSync(dirname(join(folder, key)), { recursive: true });
    writeFileSync(join(folder, key), body);
  }
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const scope = { regions: ['us-east-1'], start: Date.parse('2026-02-28T00:00:00Z'), end: Date.parse('2026-02-28T23:59:59Z') };
const trail = `AWSLogs/${ORG}/${A}/CloudTrail`;
/** The only file of account A that can hold 28 February's us-east-1 events: 1 March's (delivered late). */
const expected = [`${trail}/us-east-1/2026/03/01/${A}_CloudTrail_us-east-1_20260301T0015Z_0015x.json.gz`];
const filesFrom = async (root: string) => (await findLogFiles(join(folder, root), scope)).files.map((file) => relative(folder, file.path));

describe('folder pruning by region and day, wherever the folder given sits in the layout', () => {
  it('from the account’s folder, only the region’s day and the day after are read', async () => {
    expect(await filesFrom(`AWSLogs/${ORG}/${A}`)).toEqual(expected);
  });

  it('from the account’s CloudTrail/ folder, a region’s folder, or a month’s, the same pruning', async () => {
    expect(await filesFrom(trail)).toEqual(expected);
    expect(await filesFrom(`${trail}/us-east-1`)).toEqual(expected);
    expect(await filesFrom(`${trail}/us-east-1/2026/03`)).toEqual(expected);
  });
});
