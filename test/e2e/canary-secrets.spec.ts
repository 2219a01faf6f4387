import { randomBytes } from 'node:crypto';

import { startFakeCloudTrail } from '../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../fakes/cloudtrail/fake-events';
import { startFakeJira } from '../fakes/jira/fake-jira';
import type { FakeJira } from '../fakes/jira/fake-jira';
import { writeKeysProfile } from './support/aws-profile';
import { startRecordingProxy } from './support/recording-proxy';
import { filesUnder, leaks, pageTexts, recordApiResponses, tapStream } from './support/secret-search';
import { expect, startWebHost, test } from './fixtures';
import type { WebHostProcess } from './fixtures';

/**
 * Promises 6 and 7 with canaries: a profile whose secret key and session token, and a Jira
 * connection whose API token, are unique strings. After a full flow (fetch, draft, submit) none
 * of them may appear in the host's log, its data and cache folders, any api response or stream
 * message, or the page; and each went only where it was configured, in the form it belongs in.
 */
const canary = (kind: string) => `CANARY${kind}${randomBytes(12).toString('hex')}`;
const secretAccessKey = canary('secretKey');
const sessionToken = canary('sessionToken');
const jiraToken = canary('jiraToken');

let cloudTrail: FakeCloudTrail;
let jira: FakeJira;
let cloudTrailWire: Awaited<ReturnType<typeof startRecordingProxy>>;
let jiraWire: Awaited<ReturnType<typeof startRecordingProxy>>;
let host: WebHostProcess;
let aws: ReturnType<typeof writeKeysProfile>;

test.beforeEach(async () => {
  const now = Date.now();
  cloudTrail = await startFakeCloudTrail({ events: fakeEvents(30, { start: now - 2 * 86_400_000, end: now - 3_600_000, region: 'us-east-1', userName: 'alice' }) });
  jira = await startFakeJira({ apiToken: jiraToken });
  cloudTrailWire = await startRecordingProxy(cloudTrail.url);
  jiraWire = await startRecordingProxy(jira.url);
  aws = writeKeysProfile({ name: 'canary', region: 'us-east-1', accessKeyId: 'AKIACANARYANALYST001', secretAccessKey, sessionToken }, cloudTrailWire.url);
  host = await startWebHost({ env: { ...aws.env, JIRA_BASE_URL: jiraWire.url, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jiraToken } });
});
test.afterEach(async () => {
  await host.stop();
  await Promise.all([cloudTrailWire.close(), jiraWire.close()]);
  await Promise.all([cloudTrail.close(), jira.close()]);
  aws.cleanup();
});

test('after fetch, draft and submit, no canary secret is in the log, the folders, the api or the page', async ({ page }) => {
  const responses = recordApiResponses(page);
  const stream = tapStream(host.origin, host.token);
  await page.goto(`${host.url}&profile=canary&user=alice&regions=us-east-1&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByRole('region', { name: 'Fetch progress' }).getByText('Done', { exact: true })).toBeVisible();
  const rows = page.getByTestId('event-row');
  for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await page.getByLabel('Your notes').fill('Canary run.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible();
  await page.getByRole('combobox', { name: 'Project' }).selectOption('SEC');
  await page.getByRole('combobox', { name: 'Issue type' }).selectOption({ label: 'Task' });
  await page.getByRole('button', { name: 'Submit to Jira' }).click();
  await expect(page.getByText('SEC-1', { exact: true })).toBeVisible();
  expect(jira.issues).toHaveLength(1);
  stream.close();

  const apiBodies = await responses.all();
  expect(apiBodies.some(({ where }) => where.includes('/api/call/submitTicket'))).toBe(true);
  const secrets = [secretAccessKey, sessionToken, jiraToken, `${jira.email}:${jiraToken}`];
  const places = [
    { where: 'host log', text: host.log() },
    ...filesUnder(host.dataDir).map(({ path, text }) => ({ where: path, text })),
    ...filesUnder(host.cacheDir).map(({ path, text }) => ({ where: path, text })),
    ...apiBodies,
    { where: 'stream', text: stream.text() },
    ...(await pageTexts(page)),
  ];
  expect(filesUnder(host.dataDir).length).toBeGreaterThan(0);
  expect(stream.text()).toContain('fetch.events');
  expect(leaks(places, secrets)).toEqual([]);
});

test('the AWS secret leaves only as a SigV4 signature and the Jira token only in the Authorization header', async ({ page }) => {
  await page.goto(`${host.url}&profile=canary&user=alice&regions=us-east-1&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByRole('region', { name: 'Fetch progress' }).getByText('Done', { exact: true })).toBeVisible();
  await page.getByTestId('event-row').first().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await page.getByRole('combobox', { name: 'Project' }).selectOption('SEC');
  await page.getByRole('combobox', { name: 'Issue type' }).selectOption({ label: 'Task' });
  await page.getByRole('button', { name: 'Submit to Jira' }).click();
  await expect(page.getByText('SEC-1', { exact: true })).toBeVisible();

  expect(cloudTrailWire.requests.length).toBeGreaterThan(0);
  for (const sent of cloudTrailWire.requests) {
    const { authorization, 'x-amz-security-token': token, ...others } = sent.headers;
    expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIACANARYANALYST001\/\d{8}\/us-east-1\/cloudtrail\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
    expect(token).toBe(sessionToken);
    expect(JSON.stringify([sent.path, sent.body, others])).not.toContain(secretAccessKey);
    expect(JSON.stringify([sent.path, sent.body, others])).not.toContain(sessionToken);
  }

  const basic = `Basic ${Buffer.from(`${jira.email}:${jiraToken}`).toString('base64')}`;
  expect(jiraWire.requests.length).toBeGreaterThan(0);
  for (const sent of jiraWire.requests) {
    const { authorization, ...others } = sent.headers;
    expect(authorization).toBe(basic);
    const elsewhere = JSON.stringify([sent.path, sent.body, others]);
    expect(elsewhere).not.toContain(jiraToken);
    expect(elsewhere).not.toContain(Buffer.from(`${jira.email}:${jiraToken}`).toString('base64'));
  }
});

test('a Jira token typed into the connection form reaches no log, folder, api response, stream or page', async ({ page }) => {
  // This host has no JIRA_* variables: the analyst connects through the form, as in a browser.
  await host.stop();
  host = await startWebHost({ env: aws.env });
  const responses = recordApiResponses(page);
  const stream = tapStream(host.origin, host.token);
  await page.goto(`${host.url}&profile=canary&user=alice&regions=us-east-1&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByRole('region', { name: 'Fetch progress' }).getByText('Done', { exact: true })).toBeVisible();
  await page.getByTestId('event-row').first().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Draft ticket' }).click();

  // Not connected yet: the drawer shows the connection form open.
  await expect(page.getByText('Connect to Jira', { exact: true })).toBeVisible();
  const form = page.getByRole('form', { name: 'Jira connection' });
  await form.getByLabel('Jira site').fill(jiraWire.url);
  await form.getByLabel('Email').fill(jira.email);
  await form.getByLabel('API token').fill(jiraToken);
  await form.getByRole('button', { name: 'Save connection' }).click();
  const connected = page.getByText(`Jira: ${jiraWire.url} (${jira.email})`, { exact: true });
  await expect(connected).toBeVisible();
  await connected.click();
  await expect(form.getByLabel('API token')).toHaveValue('');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status').filter({ hasText: /^Connected to / })).toBeVisible();
  await page.getByRole('combobox', { name: 'Project' }).selectOption('SEC');
  await page.getByRole('combobox', { name: 'Issue type' }).selectOption({ label: 'Task' });
  await page.getByRole('button', { name: 'Submit to Jira' }).click();
  await expect(page.getByText('SEC-1', { exact: true })).toBeVisible();
  expect(jira.issues).toHaveLength(1);
  stream.close();

  // It went to Jira, and only as the Authorization header.
  const basic = `Basic ${Buffer.from(`${jira.email}:${jiraToken}`).toString('base64')}`;
  expect(jiraWire.requests.some((sent) => sent.headers.authorization === basic)).toBe(true);
  const apiBodies = await responses.all();
  expect(apiBodies.some(({ where }) => where.includes('/api/call/saveJiraConnection'))).toBe(true);
  const places = [
    { where: 'host log', text: host.log() },
    ...filesUnder(host.dataDir).map(({ path, text }) => ({ where: path, text })),
    ...filesUnder(host.cacheDir).map(({ path, text }) => ({ where: path, text })),
    ...apiBodies,
    { where: 'stream', text: stream.text() },
    ...(await pageTexts(page)),
  ];
  expect(filesUnder(host.dataDir).length).toBeGreaterThan(0);
  expect(leaks(places, [jiraToken, `${jira.email}:${jiraToken}`])).toEqual([]);
});
