import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { startFakeAthena } from '../fakes/athena/fake-athena';
import type { FakeAthena } from '../fakes/athena/fake-athena';
import { athenaTableDdl, athenaTrail, TRAIL_LOCATION, trailObjectKeys } from '../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../fakes/s3/fake-s3';
import type { FakeS3 } from '../fakes/s3/fake-s3';
import { writeKeysProfile } from './support/aws-profile';
import { expect, startWebHost, test } from './fixtures';
import type { WebHostProcess } from './fixtures';

/**
 * Create table… through the web host, against the fake Athena and S3 with no table yet: the
 * estimate's error offers it, the dialog checks the folder and shows the DDL the CLI would run,
 * the button naming the table runs it once, and the fetch then estimates and brings the records.
 */
let athena: FakeAthena;
let s3: FakeS3;
let host: WebHostProcess;
let aws: ReturnType<typeof writeKeysProfile>;

test.use({ viewport: { width: 1280, height: 720 } });

test.beforeEach(async () => {
  const objects = Object.fromEntries(Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/a.json.gz`, gzipSync(texts.join(','))]));
  s3 = await startFakeS3({ buckets: { 'trail-bucket': objects } });
  athena = await startFakeAthena({ trails: athenaTrail(), workgroups: { primary: { outputLocation: 's3://results/' } } });
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

const ddlRuns = () => [...athena.executions.values()].filter((execution) => execution.statementType === 'DDL').map((execution) => execution.sql);

/** A screenshot in the test's output, and a copy for the notes when SHOTS_DIR is set. */
async function shot(page: Page, path: string) {
  await page.screenshot({ path });
  if (process.env.SHOTS_DIR) {
    mkdirSync(process.env.SHOTS_DIR, { recursive: true });
    copyFileSync(path, `${process.env.SHOTS_DIR}/${path.split('/').at(-1)}`);
  }
}

test('a missing Athena table is created from the app after its DDL is shown, and the fetch then runs', async ({ page }, testInfo) => {
  await page.goto(`${host.url}&profile=analyst&user=alice&regions=us-east-1&start=2026-03-01T00:00:00Z&end=2026-03-03T00:00:00Z`);
  await page.getByRole('combobox', { name: 'Source' }).selectOption('athena');
  await page.getByLabel('Database.table').fill('default.cloudtrail_logs');
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByRole('alert')).toContainText('There is no table default.cloudtrail_logs');
  await shot(page, testInfo.outputPath('athena-create-offer.png'));
  await page.getByRole('button', { name: 'Create table…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Create the Athena table default.cloudtrail_logs' });
  await expect(dialog).toContainText('This writes to AWS');
  const create = dialog.getByRole('button', { name: 'Create table default.cloudtrail_logs' });
  await dialog.getByLabel("Trail's S3 folder").fill('s3://trail-bucket/AWSLogs/111122223333/CloudTrail/');
  await expect(dialog).toContainText('Add the region folder after CloudTrail/');
  await expect(create).toBeDisabled();
  await shot(page, testInfo.outputPath('athena-create-invalid.png'));

  await dialog.getByLabel("Trail's S3 folder").fill(TRAIL_LOCATION);
  await expect(dialog.getByLabel('The statement that will run')).toHaveText(athenaTableDdl());
  await expect(create).toBeEnabled();
  await shot(page, testInfo.outputPath('athena-create-dialog.png'));
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, testInfo.outputPath('athena-create-dialog-dark.png'));
  await page.emulateMedia({ colorScheme: 'light' });
  expect(athena.calls.filter((call) => call.action === 'StartQueryExecution')).toHaveLength(0);

  await create.dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Created default.cloudtrail_logs' })).toBeVisible();
  expect(ddlRuns()).toEqual([athenaTableDdl()]);
  await shot(page, testInfo.outputPath('athena-create-done.png'));

  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByTestId('event-row')).toHaveCount(4, { timeout: 30_000 });
  expect(ddlRuns()).toHaveLength(1);
});
