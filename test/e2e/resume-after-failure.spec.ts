import { readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Page } from '@playwright/test';

import { startFakeCloudTrail } from '../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../fakes/cloudtrail/fake-events';
import { writeKeysProfile } from './support/aws-profile';
import { expect, startWebHost, test } from './fixtures';
import type { WebHostProcess } from './fixtures';

/**
 * Promise 13 through the web host: page 4 keeps failing (500s), so the fetch stops with the
 * reason shown and pages 1–3 kept; the host is then killed. After a restart the analyst reopens
 * the investigation, presses Resume, and ends with exactly the expected event ids, continued from
 * the stored cursors rather than fetched again. "Nothing lost" here: every event of the
 * received pages is shown after the failure and after the crash, and the final set is the
 * identity's complete set, each event once.
 */
let cloudTrail: FakeCloudTrail;
let host: WebHostProcess;
let aws: ReturnType<typeof writeKeysProfile>;
let failing = true;
const now = Date.now();
const alice = fakeEvents(200, { start: now - 2 * 86_400_000, end: now - 3_600_000, region: 'us-east-1', userName: 'alice' });

test.beforeEach(async () => {
  failing = true;
  cloudTrail = await startFakeCloudTrail({ events: alice, fault: (_call, index) => (failing && index >= 3 ? '500' : undefined) });
  aws = writeKeysProfile({ name: 'analyst', region: 'us-east-1', accessKeyId: 'AKIARESUMEANALYST001', secretAccessKey: 'resumeTestSecret00000000000000000000000000' }, cloudTrail.url);
  host = await startWebHost({ env: aws.env });
});
test.afterEach(async () => {
  await host.stop();
  rmSync(dirname(host.dataDir), { recursive: true, force: true });
  await cloudTrail.close();
  aws.cleanup();
});

function counts(page: Page) {
  return page.getByRole('toolbar', { name: 'Events' }).getByRole('status');
}

/** The saved investigations that point at a fetch (the workspace saves on its own schedule). */
async function savedFetchIds(dataDir: string): Promise<string[]> {
  const folder = join(dataDir, 'investigations');
  const names = await readdir(folder).catch(() => [] as string[]);
  const texts = await Promise.all(names.filter((name) => name.endsWith('.json')).map((name) => readFile(join(folder, name), 'utf8')));
  return texts.map((text) => (JSON.parse(text) as { fetchId?: string | null }).fetchId ?? '').filter(Boolean);
}

test('a fetch that fails on page 4 keeps pages 1–3 with the reason, survives a crash, and Resume ends with exactly the expected ids', async ({ page }) => {
  await page.goto(`${host.url}&profile=analyst&user=alice&regions=us-east-1&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  const progress = page.getByRole('region', { name: 'Fetch progress' });
  await expect(progress.getByText(/^Stopped by an error/)).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByLabel('us-east-1: failed')).toBeVisible();
  await expect(progress.locator('.region-error')).not.toBeEmpty();
  const kept = Number(/of ([\d,]+) events/.exec((await counts(page).textContent()) ?? '')?.[1]?.replace(/,/g, ''));
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThanOrEqual(150);
  await expect.poll(() => savedFetchIds(host.dataDir)).toHaveLength(1);

  // The host dies; the analyst starts it again on the same folders, with CloudTrail healthy.
  await host.kill();
  failing = false;
  const before = cloudTrail.lookups().length;
  host = await startWebHost({ env: aws.env, dataDir: host.dataDir, cacheDir: host.cacheDir });
  await page.goto(host.url);
  await page.getByRole('button', { name: /^Open alice/ }).first().click();
  await expect(counts(page)).toContainText(`${kept.toLocaleString('en-US')} of ${kept.toLocaleString('en-US')} events`);
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(progress.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(counts(page)).toContainText('200 of 200 events');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const records = (JSON.parse(readFileSync((await download.path())!, 'utf8')) as { Records: Array<{ eventID: string }> }).Records;
  expect(records.map((record) => record.eventID).sort()).toEqual(alice.map((event) => event.eventId).sort());
  // Continued from the stored cursors: the pages already received were not asked for again.
  const resumed = cloudTrail.lookups().slice(before).filter((call) => call.status === 200);
  expect(resumed.length).toBeGreaterThan(0);
  expect(resumed.length).toBeLessThan(4);
});
