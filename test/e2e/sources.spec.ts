import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { eventCounts } from './support/demo';

const HOUR = 3_600_000;

/** A CloudTrail record of `user` (or of bob, from the same address), `hoursAgo` before now. */
function record(id: number, user: string, eventName: string, hoursAgo: number, sourceIPAddress = '198.51.100.4'): string {
  return JSON.stringify({
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', accessKeyId: 'AKIAALICE0000000000A', userName: user },
    eventTime: new Date(Date.now() - hoursAgo * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'iam.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress,
    userAgent: 'aws-cli/2.15.0',
    eventID: `e2e00000-aaaa-4000-8000-${String(id).padStart(12, '0')}`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  });
}

/** A folder of gzip log files in the S3 key layout (one per day), and a file that is not JSON. */
function writeTrail(): string {
  const root = mkdtempSync(join(tmpdir(), 'trailcase-e2e-trail-'));
  const day = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString().slice(0, 10).replace(/-/g, '/');
  const files: Record<string, string[]> = {
    [`AWSLogs/111122223333/CloudTrail/us-east-1/${day(50)}/a.json.gz`]: [record(1, 'alice', 'ListUsers', 50), record(2, 'bob', 'ListRoles', 50)],
    [`AWSLogs/111122223333/CloudTrail/us-east-1/${day(26)}/b.json.gz`]: [record(3, 'alice', 'CreateAccessKey', 26, '203.0.113.7')],
    [`AWSLogs/111122223333/CloudTrail/us-east-1/${day(2)}/c.json.gz`]: [record(4, 'alice', 'AttachUserPolicy', 2), record(5, 'bob', 'GetUser', 2, '203.0.113.7')],
  };
  for (const [path, records] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), gzipSync(`{"Records":[${records.join(',')}]}`));
  }
  writeFileSync(join(root, 'AWSLogs/111122223333/CloudTrail/us-east-1', 'broken.json'), '{"Records":[{"eventTime":');
  return root;
}

const sourceSelect = (page: Page) => page.getByRole('combobox', { name: 'Source' });
const progress = (page: Page) => page.getByRole('region', { name: 'Fetch progress' });

let trail = '';
test.beforeEach(() => {
  trail = writeTrail();
});
test.afterEach(() => rmSync(trail, { recursive: true, force: true }));

test('fetches a folder of log files: the table shows its records, the progress its files', async ({ app, consoleErrors }, testInfo) => {
  await sourceSelect(app).selectOption({ label: 'Log files' });
  await app.getByLabel('Folder or file').fill(trail);
  await app.getByLabel('Identity', { exact: true }).fill('alice');
  await app.getByRole('button', { name: '7d', exact: true }).click();
  await app.getByRole('button', { name: /^Fetch/ }).click();
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  const line = progress(app).getByTestId('source-progress');
  await expect(line).toContainText('4 of 4 files');
  await expect(line).toContainText('3 events');
  await expect(line).toContainText('1 file could not be read');
  await expect(app.getByTestId('event-row')).toHaveCount(3);
  const table = app.getByTestId('event-table');
  for (const name of ['ListUsers', 'CreateAccessKey', 'AttachUserPolicy']) await expect(table.getByText(name, { exact: true }).first()).toBeVisible();
  await expect(table.getByText('ListRoles', { exact: true })).toHaveCount(0);
  await expect(eventCounts(app)).toContainText('3 of 3 events');
  const header = app.getByTestId('fetched-header');
  await expect(header).toContainText('Log files · profile demo');
  await expect(header.getByRole('definition').filter({ hasText: trail })).toHaveText(trail);
  await expect(header.getByText('Follow sessions')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('files-fetched.png') });
  expect(consoleErrors).toEqual([]);
});

test('searches the same files by source address: everyone behind it', async ({ app }) => {
  await sourceSelect(app).selectOption('files');
  await app.getByLabel('Folder or file').fill(trail);
  await app.getByRole('combobox', { name: 'Identity kind' }).selectOption('ip');
  await app.getByLabel('Identity', { exact: true }).fill('203.0.113.7');
  await app.getByRole('button', { name: '7d', exact: true }).click();
  await app.getByRole('button', { name: /^Fetch/ }).click();
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(app.getByTestId('event-row')).toHaveCount(2);
  await expect(app.getByTestId('event-table').getByText('GetUser', { exact: true }).first()).toBeVisible();
});

test('says what is wrong with a path before fetching, and remembers the source after a reload', async ({ app }) => {
  await sourceSelect(app).selectOption('files');
  const path = app.getByLabel('Folder or file');
  await path.fill('logs/relative');
  await path.press('Tab');
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText(/An absolute path such as/)).toBeVisible();
  await path.fill(join(trail, 'missing'));
  await app.getByLabel('Identity', { exact: true }).fill('alice');
  await app.getByRole('button', { name: /^Fetch/ }).click();
  await expect(app.getByText(/there is no such file or folder/).first()).toBeVisible();
  await expect(app.getByTestId('fetch-failed')).toContainText('The source could not be read');

  await path.fill(trail);
  await app.getByRole('button', { name: /^Fetch/ }).click();
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await app.reload();
  await expect(sourceSelect(app)).toHaveValue('files');
  await expect(app.getByLabel('Folder or file')).toHaveValue(trail);
});

test('the demo profile tries log files without AWS: its own account written as a trail', async ({ app }) => {
  await expect(app.getByLabel('AWS profile')).toContainText('demo');
  await sourceSelect(app).selectOption('files');
  await app.getByRole('button', { name: 'Use the demo log files' }).click();
  await expect(app.getByLabel('Folder or file')).toHaveValue(/demo-log-files/);
  await app.getByLabel('Identity', { exact: true }).fill('jmorales');
  await app.getByRole('button', { name: '30d', exact: true }).click();
  await app.getByRole('button', { name: /^Fetch/ }).click();
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(progress(app).getByTestId('source-progress')).toContainText(/\d+ of \d+ files/);
  await expect(app.getByTestId('event-row').first()).toBeVisible();
});

test('Cancel stops a log-files fetch and Resume reads the files not yet done, to every record', async ({ app }) => {
  const many = mkdtempSync(join(tmpdir(), 'trailcase-e2e-many-'));
  const FILES = 800;
  const folder = join(many, 'AWSLogs/111122223333/CloudTrail/us-east-1', new Date(Date.now() - HOUR).toISOString().slice(0, 10).replace(/-/g, '/'));
  mkdirSync(folder, { recursive: true });
  for (let file = 0; file < FILES; file++)
    writeFileSync(join(folder, `f${String(file).padStart(4, '0')}.json.gz`), gzipSync(`{"Records":[${record(1000 + file, 'alice', 'GetUser', 1)}]}`));
  try {
    await sourceSelect(app).selectOption('files');
    await app.getByLabel('Folder or file').fill(many);
    await app.getByLabel('Identity', { exact: true }).fill('alice');
    await app.getByRole('button', { name: '24h', exact: true }).click();
    await app.getByRole('button', { name: /^Fetch/ }).click();
    const line = progress(app).getByTestId('source-progress');
    await expect(line).toContainText(`of ${FILES.toLocaleString('en-US')} files`);
    await progress(app).getByRole('button', { name: 'Cancel' }).click();
    await expect(progress(app).getByText(/^Cancelled/)).toBeVisible({ timeout: 30_000 });
    await progress(app).getByRole('button', { name: 'Resume' }).click();
    await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(line).toContainText(`${FILES.toLocaleString('en-US')} of ${FILES.toLocaleString('en-US')} files`);
    await expect(eventCounts(app)).toContainText(`${FILES} of ${FILES} events`);
  } finally {
    rmSync(many, { recursive: true, force: true });
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the picker in the ${colorScheme} theme`, async ({ app }, testInfo) => {
    await app.emulateMedia({ colorScheme });
    await app.setViewportSize({ width: 1280, height: 720 });
    await sourceSelect(app).selectOption('athena');
    await app.getByLabel('Database.table').fill('security.cloudtrail_logs');
    await app.getByLabel('Results location (optional)').fill('https://not-s3');
    await app.getByLabel('Workgroup (optional)').focus();
    await expect(app.getByText(/An S3 URL such as/)).toBeVisible();
    await app.screenshot({ path: testInfo.outputPath(`picker-athena-${colorScheme}.png`) });
    await sourceSelect(app).selectOption('files');
    await app.getByLabel('Folder or file').fill(trail);
    await app.screenshot({ path: testInfo.outputPath(`picker-files-${colorScheme}.png`) });
  });
}
