import { readFile } from 'node:fs/promises';

import type { Page } from '@playwright/test';

import { startFakeJira } from '../fakes/jira/fake-jira';
import type { FakeJira } from '../fakes/jira/fake-jira';
import { expect, test } from './fixtures';
import { DEMO_STORY, fetchDemoUser } from './support/demo';

/** The table's row of the first event of that name, searched for (the table only renders the rows in view). */
async function rowOf(page: Page, eventName: string) {
  await page.getByLabel('Search events').fill(eventName);
  const row = page.getByTestId('event-row').filter({ hasText: eventName }).first();
  await expect(row).toBeVisible();
  return row;
}

async function draftFrom(page: Page, eventNames: string[]) {
  for (const name of eventNames) await (await rowOf(page, name)).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await expect(page.getByTestId('ticket-draft')).toBeVisible();
}

test('the table, the detail and the ticket name what each call touched, from its request parameters', async ({ app, consoleErrors }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  await expect(await rowOf(app, 'CreateAccessKey')).toContainText('jmorales, AKIATJ4MORALESNEW5Z8');
  await expect(await rowOf(app, 'AttachUserPolicy')).toContainText('jmorales, arn:aws:iam::aws:policy/AdministratorAccess');
  await expect(await rowOf(app, 'AuthorizeSecurityGroupIngress')).toContainText('sg-0a7c3e19d2b4f6a81, tcp 22 from 0.0.0.0/0');

  await (await rowOf(app, 'AuthorizeSecurityGroupIngress')).click();
  const resources = app.getByTestId('event-detail').getByRole('region', { name: 'Resources' });
  await expect(resources.getByRole('listitem')).toHaveText(['Security group sg-0a7c3e19d2b4f6a81', 'Ingress rule tcp 22 from 0.0.0.0/0']);

  await draftFrom(app, ['CreateAccessKey', 'GetSecretValue']);
  const preview = app.getByTestId('ticket-draft');
  await expect(preview.getByRole('heading', { name: 'Resources named in the events' })).toBeVisible();
  await expect(preview).toContainText('Access key: AKIATJ4MORALESNEW5Z8');
  await expect(preview).not.toContainText(/Lorem|TODO|\(none\)|\(time of submit\)/);
  expect(consoleErrors).toEqual([]);
});

test('the draft leaves without Jira: copied and downloaded as Markdown and as text', async ({ app, webHost, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  // The analysis adds findings to the draft: the copy and the download are compared once it is in.
  await expect(app.getByRole('list', { name: 'Findings' })).toBeVisible({ timeout: 30_000 });
  await draftFrom(app, ['CreateAccessKey', 'AttachUserPolicy']);
  const drawer = app.getByRole('group', { name: 'Take the draft elsewhere' });

  await drawer.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(drawer.getByRole('status')).toHaveText('The draft was copied as Markdown.');
  const markdown = await app.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('### Resources named in the events');
  expect(markdown).toContain('**IAM policy:** `arn:aws:iam::aws:policy/AdministratorAccess`');

  const [download] = await Promise.all([app.waitForEvent('download'), drawer.getByRole('button', { name: 'Download .txt' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^trailcase-ticket-\d{8}T\d{6}Z\.txt$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toContain('RESOURCES NAMED IN THE EVENTS');
  expect(text).toContain('  * Access key: AKIATJ4MORALESNEW5Z8');
  await expect(drawer.getByRole('status')).toHaveText(`Downloaded ${download.suggestedFilename()}.`);

  const [markdownFile] = await Promise.all([app.waitForEvent('download'), drawer.getByRole('button', { name: 'Download .md' }).click()]);
  expect(markdownFile.suggestedFilename()).toMatch(/\.md$/);
  expect(await readFile(await markdownFile.path(), 'utf8')).toBe(markdown);
});

test.describe('the Jira connection form', () => {
  let jira: FakeJira;
  test.beforeEach(async () => {
    jira = await startFakeJira();
  });
  test.afterEach(async () => {
    await jira.close();
  });

  test('checks each field as it is typed and tests the connection before it is saved', async ({ app }) => {
    await fetchDemoUser(app, 'jmorales', DEMO_STORY);
    await draftFrom(app, ['CreateAccessKey']);
    const form = app.getByRole('form', { name: 'Jira connection' });
    const site = form.getByLabel('Jira site');
    await site.fill('ftp://jira');
    await expect(site).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Enter an https address such as https://your-team.atlassian.net.')).toBeVisible();
    await site.fill(jira.url);
    await expect(site).toHaveAttribute('aria-invalid', 'false');
    await expect(form.getByText('Enter an https address such as https://your-team.atlassian.net.')).toHaveCount(0);
    await form.getByLabel('Email').fill(jira.email);
    await form.getByLabel('API token').fill('not-the-token');

    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('alert')).toContainText('did not accept this email and API token.');
    await expect(form.getByText('Paste the token again, or create a new one at id.atlassian.com, Security, API tokens.')).toBeVisible();
    await form.getByLabel('API token').fill(jira.apiToken);
    await expect(form.getByRole('alert')).toHaveCount(0);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('status').filter({ hasText: /^Connected to / })).toHaveText(
      `Connected to ${jira.url} as Ana Lyst, ${jira.email}.`,
    );

    // Tested, not saved: the drawer still offers to connect.
    expect(jira.log.filter((entry) => entry.path === '/rest/api/3/myself').map((entry) => entry.status)).toEqual([401, 200]);
    await expect(app.getByText('Connect to Jira', { exact: true })).toBeVisible();
  });
});
