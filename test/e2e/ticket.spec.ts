import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startFakeJira } from '../fakes/jira/fake-jira';
import type { FakeJira } from '../fakes/jira/fake-jira';
import { expect, startWebHost, test, watchConsole } from './fixtures';
import type { WebHostProcess } from './fixtures';

let jira: FakeJira;
let host: WebHostProcess;
let ownRoot: string | null = null;

test.beforeEach(async () => {
  jira = await startFakeJira();
  host = await startWebHost({ env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken } });
});
test.afterEach(async () => {
  await host.stop();
  await jira.close();
  if (ownRoot) await rm(ownRoot, { recursive: true, force: true });
  ownRoot = null;
});

test('drafts a ticket from selected events, autosaves it, restores it, and submits one issue', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto(`${host.url}&profile=demo&user=jmorales&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  const rows = page.getByTestId('event-row');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Draft ticket' }).click();

  const preview = page.getByTestId('ticket-draft');
  await expect(preview).toContainText('jmorales');
  await page.getByLabel('Your notes').fill('Seen by the SOC at 10:05; the owner is on leave.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible();
  await expect(preview).toContainText('Seen by the SOC at 10:05');

  const drafts = join(host.dataDir, 'drafts');
  const saved = await readFile(
    join(
      drafts,
      (await readdir(drafts)).find((name) => name.endsWith('.json'))!,
    ),
    'utf8',
  );
  expect(JSON.parse(saved).draft.analystText).toBe('Seen by the SOC at 10:05; the owner is on leave.');

  await page.getByRole('button', { name: 'Close the ticket drawer' }).click();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await expect(page.getByLabel('Your notes')).toHaveValue('Seen by the SOC at 10:05; the owner is on leave.');

  await page.getByRole('combobox', { name: 'Project' }).selectOption('SEC');
  await page.getByRole('combobox', { name: 'Issue type' }).selectOption({ label: 'Task' });
  await page.getByRole('button', { name: 'Submit to Jira' }).click();
  await expect(page.getByText('SEC-1', { exact: true })).toBeVisible();
  expect(jira.issues).toHaveLength(1);
  expect(jira.issues[0]!.attachments).toHaveLength(1);
  expect(JSON.stringify(await page.content())).not.toContain(jira.apiToken);
  expect(host.log()).not.toContain(jira.apiToken);
  expect(errors).toEqual([]);
});

test('restores the draft after the web host restarts', async ({ page }) => {
  // Folders of our own: the fixture deletes the folders it made when its host stops.
  ownRoot = await mkdtemp(join(tmpdir(), 'trailcase-e2e-restart-'));
  const dataDir = join(ownRoot, 'data');
  const cacheDir = join(ownRoot, 'cache');
  const jiraEnv = { JIRA_BASE_URL: jira.url, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken };
  await host.stop();
  host = await startWebHost({ dataDir, cacheDir, env: jiraEnv });
  await page.goto(`${host.url}&profile=demo&user=jmorales&since=7d`);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  const rows = page.getByTestId('event-row');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 2; i++) await rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await page.getByLabel('Your notes').fill('Written before the restart.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible();
  // The workspace saves the investigation (and its selection) on its own schedule: wait for it.
  const investigations = join(host.dataDir, 'investigations');
  await expect
    .poll(async () => {
      const names = await readdir(investigations).catch(() => []);
      const texts = await Promise.all(
        names.filter((name) => name.endsWith('.json')).map((name) => readFile(join(investigations, name), 'utf8')),
      );
      return texts.some((text) => (JSON.parse(text) as { selection?: unknown[] }).selection?.length === 2);
    })
    .toBe(true);

  await host.stop();
  host = await startWebHost({ dataDir, cacheDir, env: jiraEnv });
  await page.goto(host.url);
  await page
    .getByRole('button', { name: /^Open jmorales/ })
    .first()
    .click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await expect(page.getByLabel('Your notes')).toHaveValue('Written before the restart.');
  await expect(page.getByTestId('ticket-draft')).toContainText('Written before the restart.');
});
