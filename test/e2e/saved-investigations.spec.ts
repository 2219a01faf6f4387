import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { fetchDemoUser } from './support/demo';

const controls = (page: Page) => page.getByRole('group', { name: 'Investigation' });
const selectedCount = (page: Page) => page.getByRole('toolbar', { name: 'Events' }).locator('.selection-count');

/** Opens the list of every investigation, from the start page or from the workspace. */
async function openList(page: Page, from: 'start' | 'workspace') {
  const button = from === 'start' ? page.getByRole('button', { name: /^All investigations/ }) : controls(page).getByRole('button', { name: 'Investigations…' });
  await button.click();
  return page.getByRole('dialog', { name: 'Investigations' });
}

test('a saved investigation is not saved over by later work; its sort order comes back; one autosave per identity and range', async ({ app, webHost, consoleErrors }) => {
  await fetchDemoUser(app, 'jmorales', { since: '7d' });
  await expect(controls(app).getByRole('status')).toHaveText(/^Autosaved \d\d:\d\d:\d\d UTC$/);

  // Sort by event name and select two events, then save under a name.
  const eventName = app.getByRole('columnheader', { name: /^Event name/ });
  await eventName.getByRole('button').first().click();
  await expect(eventName).toHaveAttribute('aria-sort', 'ascending');
  await app.getByTestId('event-row').nth(0).getByRole('checkbox').check();
  await app.getByTestId('event-row').nth(1).getByRole('checkbox').check();
  await expect(selectedCount(app)).toHaveText('2 selected');
  await controls(app).getByRole('button', { name: 'Save investigation…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save investigation' });
  await dialog.getByLabel('Name', { exact: true }).fill('Case 4711 <b>jmorales</b>');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(controls(app).getByRole('status')).toHaveText(/^Saved \d\d:\d\d:\d\d UTC: “Case 4711 <b>jmorales<\/b>”$/);

  // Clearing the selection for an export goes to the autosave, not into the saved one.
  await app.getByRole('button', { name: 'Clear selection' }).click();
  await expect(controls(app).getByRole('status')).toHaveText('Unsaved changes (autosaved) to “Case 4711 <b>jmorales</b>”');
  await app.getByRole('button', { name: 'Export JSON' }).click();
  await expect(app.getByText(/^Exported 2\d\d events to trailcase-jmorales-.+\.json \(your downloads\)$/)).toBeVisible();

  // A fresh page: the saved one reopens as it was saved, sort order included.
  await app.reload();
  const list = await openList(app, 'start');
  await list.getByRole('button', { name: 'Open Case 4711 <b>jmorales</b>' }).click();
  await expect(selectedCount(app)).toHaveText('2 selected');
  await expect(app.getByRole('columnheader', { name: /^Event name/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(app.locator('b')).toHaveCount(0);

  // Fetching the same identity and range again replaces its autosave, never adds one.
  const search = app.getByRole('group', { name: 'Panels above the table' }).getByRole('button', { name: /Search/ });
  if ((await search.getAttribute('aria-expanded')) !== 'true') await search.click();
  // The reopened investigation filled the form with its identity and range.
  await app.getByRole('button', { name: /^Fetch/ }).click();
  await expect(app.getByRole('region', { name: 'Fetch progress' }).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(controls(app).getByRole('status')).toHaveText(/^Autosaved/);
  const again = await openList(app, 'workspace');
  await expect(again.getByRole('list', { name: 'Saved', exact: true }).getByRole('listitem')).toHaveCount(1);
  await expect(again.getByRole('list', { name: 'Autosaved', exact: true }).getByRole('listitem')).toHaveCount(1);
  await expect(again.getByRole('list', { name: 'Autosaved', exact: true })).toContainText('jmorales · last 7 days');

  // Stored privately (promise 20).
  const folder = join(webHost.dataDir, 'investigations');
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
  expect(consoleErrors).toEqual([]);
});

test('investigations saved by the version before are listed and open, and the list is searchable', async ({ page, webHost }) => {
  const folder = join(webHost.dataDir, 'investigations');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const query = { profile: 'demo', regions: ['us-east-1'], identity: { kind: 'user', userName: 'jmorales' }, start: '2026-11-20T00:00:00.000Z', end: '2026-11-27T00:00:00.000Z', followSessions: true };
  const old = { query, fetchId: null, filters: { chips: [], search: '', readWrite: 'all', errorsOnly: false, flaggedOnly: false, timeRange: null }, selection: [], notes: '', createdAt: '2026-11-27T10:00:00.000Z' };
  for (let i = 0; i < 7; i++)
    writeFileSync(join(folder, `old-${i}.json`), JSON.stringify({ ...old, id: `old-${i}`, name: i === 6 ? 'Incident 2026-11' : `jmorales · 2026-11-27 10:0${i} UTC`, updatedAt: `2026-11-27T10:0${i}:00.000Z` }), { mode: 0o600 });
  await page.goto(webHost.url);
  const card = page.getByRole('heading', { name: 'Continue a recent investigation' }).locator('..');
  await expect(card.getByRole('button', { name: /^Open / })).toHaveCount(5);
  const list = await openList(page, 'start');
  await expect(list.getByRole('list', { name: 'Saved', exact: true }).getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('list', { name: 'Autosaved', exact: true }).getByRole('listitem')).toHaveCount(6);
  await list.getByLabel('Search investigations').fill('incident');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: 'Open Incident 2026-11' }).click();
  await expect(page.getByLabel('Identity', { exact: true })).toHaveValue('jmorales');
});
