import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

import AxeBuilder from '@axe-core/playwright';

import { startFakeAthena } from '../fakes/athena/fake-athena';
import type { FakeAthena } from '../fakes/athena/fake-athena';
import { athenaTableDdl, athenaTrail, trailObjectKeys } from '../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../fakes/s3/fake-s3';
import type { FakeS3 } from '../fakes/s3/fake-s3';
import { writeKeysProfile } from './support/aws-profile';
import { expect, startWebHost, test } from './fixtures';
import type { WebHostProcess } from './fixtures';

/**
 * Athena through the web host, against the fake Athena and S3: with a threshold of $0 every query
 * asks first; the dialog says the scan and its cost from the partitions' objects, Cancel runs
 * nothing at the fake, Run query runs exactly one query and the records arrive.
 */
let athena: FakeAthena;
let s3: FakeS3;
let host: WebHostProcess;
let aws: ReturnType<typeof writeKeysProfile>;

test.beforeEach(async () => {
  const objects = Object.fromEntries(Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/a.json.gz`, gzipSync(texts.join(','))]));
  s3 = await startFakeS3({ buckets: { 'trail-bucket': objects } });
  athena = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://results/' } } });
  aws = writeKeysProfile({ name: 'analyst', region: 'us-east-1', accessKeyId: 'AKIAATHENAANALYST001', secretAccessKey: 'athenaTestSecret00000000000000000000000000' }, s3.url);
  host = await startWebHost({ env: { ...aws.env, AWS_ENDPOINT_URL_S3: s3.url, AWS_ENDPOINT_URL_ATHENA: athena.url } });
});
test.afterEach(async () => {
  await host.stop();
  rmSync(dirname(host.dataDir), { recursive: true, force: true });
  await athena.close();
  await s3.close();
  aws.cleanup();
});

const starts = () => athena.calls.filter((call) => call.action === 'StartQueryExecution').length;

test('an Athena query above the threshold waits for Run query, with its scan and cost shown', async ({ page }, testInfo) => {
  await page.goto(`${host.url}&profile=analyst&user=alice&regions=us-east-1&start=2026-03-01T00:00:00Z&end=2026-03-03T00:00:00Z`);
  await page.getByRole('combobox', { name: 'Source' }).selectOption('athena');
  await page.getByLabel('Database.table').fill('default.cloudtrail_logs');
  await page.getByLabel('Ask before a query costing more than $').fill('0');
  await page.getByRole('button', { name: /^Fetch/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Run this Athena query?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('It would cost about $0.000048, more than your threshold of $0.00');
  await expect(dialog).toContainText('4 days, 2 objects');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('athena-cost-dialog.png') });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('athena-cost-dialog-dark.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(starts()).toBe(0);

  await page.getByRole('button', { name: /^Fetch/ }).click();
  await dialog.getByRole('button', { name: 'Run query ($0.000048)' }).click();
  await expect(page.getByTestId('event-row')).toHaveCount(4, { timeout: 30_000 });
  expect(starts()).toBe(1);
});
