import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

import { ensurePrivateDir } from '../storage/private-files';
import { DEMO_ACCOUNT_ID, demoAccount, demoAnchor } from './demo-account';
import type { DemoEvent } from './demo-records';

const pack = promisify(gzip);
const FOLDER = 'demo-log-files';
const HOURS_PER_FILE = 6;
const HOUR = 3_600_000;

/** `2026/12/01` and `20261201T0600Z` for a time, as CloudTrail names its folders and files. */
function partsOf(time: number): { day: string; stamp: string } {
  const iso = new Date(time).toISOString();
  return { day: `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`, stamp: `${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 13)}00Z` };
}

/** The demo account's events as log files: one per region and six hours, in the S3 key layout. */
function demoFiles(end: number): Map<string, DemoEvent[]> {
  const files = new Map<string, DemoEvent[]>();
  for (const [region, events] of demoAccount(end).byRegion) {
    for (const event of events) {
      const block = Math.floor(event.time / (HOURS_PER_FILE * HOUR)) * HOURS_PER_FILE * HOUR;
      const { day, stamp } = partsOf(block);
      const path = `AWSLogs/${DEMO_ACCOUNT_ID}/CloudTrail/${region}/${day}/${DEMO_ACCOUNT_ID}_CloudTrail_${region}_${stamp}_demo.json.gz`;
      const list = files.get(path) ?? [];
      list.push(event);
      files.set(path, list);
    }
  }
  return files;
}

/**
 * The demo account written as CloudTrail log files under the cache folder, so the log-files source
 * can be tried without AWS: the same records the demo's LookupEvents pages, gzip JSON in the S3 key
 * layout. Written again when the demo's hour moves on (its story always ends now), into a new
 * folder renamed into place, so a reader never sees half of it. Returns the folder holding AWSLogs.
 */
export async function prepareDemoLogFiles(cacheDir: string, now: number = Date.now()): Promise<string> {
  const end = demoAnchor(now);
  const root = await ensurePrivateDir(cacheDir, FOLDER);
  const current = join(root, 'current');
  const written = await readFile(join(current, 'anchor.txt'), 'utf8').catch(() => null);
  if (written === String(end)) return current;
  const next = join(root, `next-${randomBytes(4).toString('hex')}`);
  for (const [path, events] of demoFiles(end)) {
    const folder = await ensurePrivateDir(next, ...path.split('/').slice(0, -1));
    const ordered = [...events].sort((a, b) => a.time - b.time);
    await writeFile(join(folder, path.split('/').pop()!), await pack(`{"Records":[${ordered.map((event) => event.raw).join(',')}]}`), { mode: 0o600 });
  }
  await writeFile(join(next, 'anchor.txt'), String(end), { mode: 0o600 });
  const old = join(root, `old-${randomBytes(4).toString('hex')}`);
  await rename(current, old).catch(() => {});
  await rename(next, current);
  await rm(old, { recursive: true, force: true });
  return current;
}
