import { resolve } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { fetchDemoUser } from './support/demo';

const header = (page: Page) => page.getByTestId('fetched-header');
const progress = (page: Page) => page.getByRole('region', { name: 'Fetch progress' });

/** What axe (WCAG 2.x A and AA, best practices) finds in one part of the page, a line per failing node. */
async function violationsIn(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/** Opens the Sources tab of the panel above the table. */
async function openSources(page: Page) {
  await page.getByRole('tab', { name: /^Sources/ }).click();
  return page.getByRole('table', { name: 'Source addresses' });
}

/** Two log files where alice and a session of the role ops share 203.0.113.9 (see its README). */
const fixture = resolve('test/fixtures/pivots');

/** Fetches alice's events from the fixture's log files over the first days of November 2026. */
async function fetchAliceFromFiles(page: Page) {
  await page.getByRole('combobox', { name: 'Source' }).selectOption('files');
  await page.getByLabel('Folder or file').fill(fixture);
  await page.getByLabel('Identity', { exact: true }).fill('alice');
  await page.getByRole('button', { name: 'Custom' }).click();
  await page.getByLabel('Start (UTC)').fill('2026-11-01T00:00');
  await page.getByLabel('End (UTC)').fill('2026-11-05T00:00');
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(progress(page).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
}

test('on log files, Who else used an address opens everyone from it over the same files and range, as an investigation of its own', async ({ app, consoleErrors }) => {
  await fetchAliceFromFiles(app);
  await expect(app.getByTestId('event-row')).toHaveCount(3);
  await expect(app.getByTestId('event-table')).not.toContainText('mallory-session');

  const sources = await openSources(app);
  const whoElse = sources.getByRole('button', { name: 'Who else used 203.0.113.9' });
  await expect(whoElse).not.toHaveAttribute('aria-disabled', 'true');
  await whoElse.click();

  // The new investigation: the address as its subject, the same files and range, fetched at once.
  await expect(header(app).getByRole('definition').first()).toHaveText('203.0.113.9');
  await expect(header(app)).toContainText('2026-11-01 00:00');
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  // Everyone from the address, in both regions' files: alice's two calls and the ops session's three.
  await expect(app.getByTestId('event-row')).toHaveCount(5);
  await expect(app.getByTestId('event-table')).toContainText('ops/mallory-session');
  await expect(app.getByTestId('event-table')).toContainText('CreateAccessKey');
  await expect(app.getByTestId('event-table')).not.toContainText('DescribeInstances');
  // The form shows what the pivot is about, on the same source.
  await expect(app.getByRole('combobox', { name: 'Identity kind' })).toHaveValue('ip');
  await expect(app.getByLabel('Identity', { exact: true })).toHaveValue('203.0.113.9');
  await expect(app.getByLabel('Folder or file')).toHaveValue(fixture);
  // Its own autosave, beside alice's.
  await expect(app.getByRole('group', { name: 'Investigation' }).getByRole('status')).toHaveText(/^Autosaved/);
  await app.getByRole('group', { name: 'Investigation' }).getByRole('button', { name: 'Investigations…' }).click();
  const autosaved = app.getByRole('dialog', { name: 'Investigations' }).getByRole('list', { name: 'Autosaved', exact: true });
  await expect(autosaved.getByRole('listitem')).toHaveCount(2);
  await expect(autosaved).toContainText('203.0.113.9');
  await expect(autosaved).toContainText('alice');
  expect(consoleErrors).toEqual([]);
});

test('on log files, the role of a session and a resource are pivots too', async ({ app }) => {
  await fetchAliceFromFiles(app);
  await (await openSources(app)).getByRole('button', { name: 'Who else used 203.0.113.9' }).click();
  await expect(app.getByTestId('event-row')).toHaveCount(5);

  // From the ops session's CreateAccessKey: every session of ops, then who else touched svc-backup.
  await app.getByTestId('event-row').filter({ hasText: 'CreateAccessKey' }).click();
  await app.getByTestId('event-detail').getByRole('button', { name: 'Who else…' }).click();
  await app.getByRole('menu', { name: 'Who else' }).getByRole('menuitem', { name: 'Who else used role ops' }).click();
  await expect(header(app).getByRole('definition').first()).toHaveText('ops');
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(app.getByTestId('event-row')).toHaveCount(3);

  await app.getByTestId('event-row').filter({ hasText: 'CreateAccessKey' }).click();
  await app.getByTestId('event-detail').getByRole('button', { name: 'Who else…' }).click();
  await app.getByRole('menu', { name: 'Who else' }).getByRole('menuitem', { name: 'Who else touched IAM user svc-backup' }).click();
  await expect(header(app).getByRole('definition').first()).toHaveText('svc-backup');
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(app.getByTestId('event-row')).toHaveCount(1);
});

test('on LookupEvents an address cannot be pivoted on (it says why), while an access key opens an investigation of its own', async ({ app, consoleErrors }) => {
  await fetchDemoUser(app, 'jmorales', { since: '7d' });

  // The Sources panel: every address's Who else… is inert and says why.
  const sources = await openSources(app);
  const whoElse = sources.getByRole('button', { name: /^Who else used / }).first();
  await expect(whoElse).toHaveAttribute('aria-disabled', 'true');
  await expect(whoElse).toHaveAccessibleDescription(/LookupEvents cannot filter by source address: open this investigation on log files, S3 or Athena/);
  // Pressed anyway, it does nothing: the investigation on view stays.
  await whoElse.click({ force: true });
  await expect(header(app).getByRole('definition').first()).toHaveText('jmorales');

  // The detail of an event signed with a key: the address is refused there too, the key is not.
  await app.getByRole('searchbox').fill('AKIA');
  await app.getByTestId('event-row').first().click();
  const detail = app.getByTestId('event-detail');
  await detail.getByRole('button', { name: 'Who else…' }).click();
  const menu = app.getByRole('menu', { name: 'Who else' });
  await expect(menu.getByRole('menuitem', { name: /^Who else used \d/ }).first()).toHaveAttribute('aria-disabled', 'true');
  expect(await violationsIn(app, '.who-else-menu')).toEqual([]);
  expect(await violationsIn(app, '.sources-table')).toEqual([]);
  const byKey = menu.getByRole('menuitem', { name: /^Who else used access key AKIA/ });
  const key = ((await byKey.textContent()) ?? '').match(/AKIA[A-Z0-9]+/)![0];
  await byKey.click();

  // A new investigation: the key as its subject, the same range and source, fetched at once.
  await expect(header(app)).toContainText(key);
  await expect(progress(app).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(app.getByTestId('event-row').first()).toBeVisible();
  await expect(app.getByRole('group', { name: 'Investigation' }).getByRole('status')).toHaveText(/^Autosaved/);
  expect(consoleErrors).toEqual([]);
});
