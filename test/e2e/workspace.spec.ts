import { readFileSync } from 'node:fs';

import { expect, test } from './fixtures';
import { DEMO_STORY, demoLink, eventCounts, fetchDemoUser } from './support/demo';
import { barPoints } from './support/timeline';

test('fetches the demo, shows progress per region and every view fills in', async ({ app, consoleErrors }) => {
  await fetchDemoUser(app, 'jmorales', { ...DEMO_STORY, untilDone: false });
  const progress = app.getByRole('region', { name: 'Fetch progress' });
  await expect(progress.getByLabel(/^us-east-1:/)).toBeVisible();
  await expect(progress.getByLabel(/^eu-west-1:/)).toBeVisible();
  await expect(progress.getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(app.getByTestId('event-row').first()).toBeVisible();
  await expect(app.getByTestId('timeline').locator('path.stack.read')).toBeVisible();
  await expect(eventCounts(app)).toContainText(/\d[\d,]* of \d[\d,]* events/);
  expect(consoleErrors).toEqual([]);
});

test('brushing the timeline and clicking a chart bar narrow every view', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  const total = await eventCounts(app).textContent();
  const chart = app.getByTestId('timeline');
  const box = (await chart.boundingBox())!;
  await app.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5, { steps: 8 });
  await app.mouse.up();
  await expect(app.getByRole('button', { name: 'Remove time range filter' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
  await expect(eventCounts(app)).not.toHaveText(total ?? '');
  await app.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(eventCounts(app)).toHaveText(total ?? '');

  // A click on one bar zooms to that bar's bucket: its count is what the table then shows.
  const lastBar = (await barPoints(chart)).at(-1)!;
  await app.mouse.move(lastBar.x, lastBar.y);
  // The tooltip's second line is the bar's count ("3 events", "1 event").
  const tip = (await app.locator('.chart-tooltip > div').nth(1).textContent()) ?? '';
  const inBar = /^([\d,]+) events?$/.exec(tip)![1]!;
  await app.mouse.click(lastBar.x, lastBar.y);
  await expect(app.getByRole('button', { name: 'Remove time range filter' })).toBeVisible();
  await expect(eventCounts(app)).toContainText(`${inBar} of`);
  await app.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(eventCounts(app)).toHaveText(total ?? '');
  // The charts follow the table in a deferred render: read a bar once they count every event again.
  await expect(app.getByRole('region', { name: 'Top values' })).not.toHaveAttribute('aria-busy', 'true');

  const bar = app.getByRole('tabpanel', { name: 'Events' }).getByRole('button').first();
  const label = (await bar.getAttribute('aria-label'))!;
  const [, name, count] = /^Filter Event names: (.+) \((\d+)\)$/.exec(label)!;
  await bar.click();
  await expect(app.getByRole('button', { name: `Remove filter Event name = ${name}` })).toBeVisible();
  await expect(eventCounts(app)).toContainText(`${count} of`);
  await expect(app.getByTestId('event-row').first()).toContainText(name!);
});

test('filters, selects a range, opens the detail and compares', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  await app.getByLabel('Flagged only').check();
  await app.getByLabel('Search events').fill('AdministratorAccess');
  await expect(app.getByTestId('event-row')).toHaveCount(1);
  await expect(app.getByTestId('event-row')).toContainText('AttachUserPolicy');
  await app.getByTestId('event-row').click();
  const detail = app.getByTestId('event-detail');
  await expect(detail).toContainText('AdministratorAccess attached');
  await expect(detail).toContainText('Who');
  await app.getByRole('button', { name: 'Close detail' }).click();

  await app.getByLabel('Search events').fill('');
  const rows = app.getByTestId('event-row');
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(3).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(eventCounts(app)).toContainText('4 selected');
  await app.getByRole('button', { name: 'Compare' }).click();
  const compare = app.getByRole('dialog', { name: /Compare 4 events/ });
  await expect(compare.locator('tr.differs').first()).toBeVisible();
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('button', { name: 'Draft ticket' })).toBeEnabled();
});

test('the keyboard moves, selects and opens; / focuses the search', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  await app.getByTestId('event-table').focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Space');
  await expect(eventCounts(app)).toContainText('1 selected');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('event-detail')).toBeVisible();
  await app.getByTestId('event-table').focus();
  await app.keyboard.press('Escape');
  await expect(eventCounts(app)).toContainText('0 selected');
  await app.keyboard.press('/');
  await expect(app.getByLabel('Search events')).toBeFocused();
});

test('saves an investigation and reopens it after a reload', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  await app.getByLabel('Errors only').check();
  await app.getByTestId('event-row').nth(0).getByRole('checkbox').click();
  await app.getByTestId('event-row').nth(1).getByRole('checkbox').click();
  const shown = await eventCounts(app).textContent();
  await app.getByRole('button', { name: 'Save investigation…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save investigation' });
  await dialog.getByLabel('Name', { exact: true }).fill('Console without MFA');
  await dialog.getByLabel('Notes').fill('Key created right after the sign-in.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('group', { name: 'Investigation' }).getByRole('status')).toHaveText(/^Saved \d\d:\d\d:\d\d UTC: “Console without MFA”$/);

  await app.reload();
  await app.getByRole('button', { name: 'Open Console without MFA' }).click();
  await expect(eventCounts(app)).toHaveText(shown ?? '');
  await expect(app.getByLabel('Errors only')).toBeChecked();
  await app.getByRole('button', { name: 'Save as…' }).click();
  await expect(app.getByRole('dialog', { name: 'Save as a new investigation' }).getByLabel('Notes')).toHaveValue('Key created right after the sign-in.');
});

test('exports the selection as a records file and the view as safe CSV', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  await app.getByLabel('Flagged only').check();
  await app.getByTestId('event-row').nth(0).getByRole('checkbox').click();
  await app.getByTestId('event-row').nth(1).getByRole('checkbox').click();
  const [json] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export JSON' }).click()]);
  const records = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { Records: Array<{ eventTime: string }> };
  expect(records.Records).toHaveLength(2);
  expect(records.Records[0]!.eventTime <= records.Records[1]!.eventTime).toBe(true);

  await app.getByRole('button', { name: 'Clear selection' }).click();
  const [csv] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toMatch(/^eventTime,eventName,/);
  expect(text).not.toMatch(/(^|,)[=+\-@]/m);
});

test('a deep link fills the form and waits for the Fetch click', async ({ page, webHost }) => {
  await page.goto(demoLink(webHost.url, 'jmorales', { since: '7d', regions: ['us-east-1', 'eu-west-1'] }));
  await expect(page.getByLabel('Identity', { exact: true })).toHaveValue('jmorales');
  await expect(page.getByRole('button', { name: '7d', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Fetch progress' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByRole('region', { name: 'Fetch progress' }).getByLabel(/^eu-west-1:/)).toBeVisible();
});
