import { readFileSync } from 'node:fs';

import { hostileStrings } from '../fixtures/hostile/corpus';
import { adfProblems } from './support/adf';
import { isFormulaCell, parseCsv } from '../fixtures/hostile/csv';
import { counts, fetchMallory, startHostileWorld } from './support/hostile-setup';
import type { HostileWorld } from './support/hostile-setup';
import { cleanPage, hiddenCharactersIn, pageState, watchDialogs } from './support/inert';
import { barPoints } from './support/timeline';
import { expect, test, watchConsole } from './fixtures';

/**
 * Promises 8–11 end to end: the hostile corpus (every payload in user agents, request parameter
 * keys and values, error messages, resource names, user and session names and event names, plus
 * a 200 KB record, 5,000-deep JSON, a `__proto__` record and an unparseable one) goes through the
 * fake CloudTrail, the web host and every view in Chromium, and stays inert text.
 */
let world: HostileWorld;

test.beforeEach(async () => {
  world = await startHostileWorld();
});
test.afterEach(async () => {
  await world.stop();
});

const img = hostileStrings.imgOnerror!;
const total = 49;

test('every view shows the hostile corpus as literal, visible text; nothing runs; the page stays responsive', async ({ page }) => {
  const tripwires = watchDialogs(page);
  const logged = watchConsole(page);
  await fetchMallory(page, world.host, 'us-east-1,eu-west-1');

  // Error banners: the refusing region's hostile AccessDenied text, shown literally and inert.
  const progress = page.getByRole('region', { name: 'Fetch progress' });
  await expect(progress.getByLabel(/^eu-west-1:/)).toContainText(img);
  await expect(counts(page)).toContainText(`${total} of ${total} events`);
  expect.soft(await hiddenCharactersIn(progress)).toEqual([]);
  // Made visible, not silently blanked: the analyst should see that AWS's text held a bidi override.
  await expect.soft(progress).toContainText('⟨U+202E⟩');

  // The table: literal markup, control and bidi characters as visible markers.
  const table = page.getByTestId('event-table');
  const search = page.getByLabel('Search events');
  await search.fill('onerror');
  await expect(table).toContainText(img);
  expect.soft(await hiddenCharactersIn(table)).toEqual([]);
  await search.fill('invoice');
  await expect(table).toContainText('invoice⟨U+202E⟩gpj.exe');
  expect.soft(await hiddenCharactersIn(table)).toEqual([]);

  // Chart tooltips and labels (the bars' titles), event names and user agents from data.
  const charts = page.getByRole('region', { name: 'Top values' });
  for (const tab of ['Events', 'Agents']) {
    await charts.getByRole('tab', { name: tab }).click();
    await expect(charts.getByRole('tabpanel', { name: tab })).toContainText('invoice⟨U+202E⟩gpj.exe');
    expect.soft(await hiddenCharactersIn(charts)).toEqual([]);
  }
  await search.fill('');
  const bar = (await barPoints(page.getByTestId('timeline')))[0]!;
  await page.mouse.move(bar.x, bar.y);
  await expect(page.locator('.chart-tooltip')).toContainText('events');
  expect.soft(await hiddenCharactersIn(page.getByTestId('timeline'))).toEqual([]);

  // The detail of every payload row, raw JSON included.
  const detail = page.getByTestId('event-detail');
  const rows = page.getByTestId('event-row');
  for (const id of ['hostile-0000', 'hostile-0008', 'hostile-0023', 'hostile-0038', 'hostile-0012']) {
    await search.fill(id);
    await expect(rows).toHaveCount(1);
    await rows.first().click();
    await expect(detail).toBeVisible();
    await detail.getByText('Raw record').click();
    expect.soft(await hiddenCharactersIn(detail)).toEqual([]);
  }
  await search.fill('hostile-0000');
  await rows.first().click();
  await expect(detail).toContainText(img);

  // The prototype-polluting record shows its key as text and pollutes nothing.
  await search.fill('hostile-0047');
  await rows.first().click();
  await expect(detail).toContainText('__proto__');

  // 200 KB and 5,000-deep records: the detail opens (its facts cut, the raw record whole) and a
  // click still answers. Laid out whole, the 200 KB facts once froze Chromium past the timeout.
  for (const id of ['hostile-0045', 'hostile-0046']) {
    await search.fill(id);
    await rows.first().click();
    await expect(detail).toBeVisible();
    await detail.getByText('Raw record').click();
    await expect(detail.locator('pre.raw-json')).toContainText(new RegExp(`"eventID": ?"${id}`));
    await page.getByRole('button', { name: 'Close detail' }).click();
    await expect(detail).toBeHidden();
  }

  // The unparseable record: raw, with a badge; the rest still renders.
  await search.fill('hostile-unparseable');
  await expect(rows.first()).toContainText('unparseable');
  await rows.first().click();
  await expect(detail).toContainText('unparseable record');
  await expect(detail).toContainText('"eventID":"hostile-unparseable"');
  await search.fill('');
  await expect(counts(page)).toContainText(`${total} of ${total} events`);

  // Compare two hostile events side by side.
  await search.fill('invoice');
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(1).getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: /Compare 2 events/ });
  await expect(compare).toContainText('⟨U+202E⟩');
  expect.soft(await hiddenCharactersIn(compare)).toEqual([]);
  await compare.getByRole('button', { name: 'Close' }).click();

  expect(await pageState(page)).toEqual(cleanPage);
  expect(tripwires.dialogs).toEqual([]);
  expect(logged.errors).toEqual([]);
});

test('the ticket preview, the ADF Jira receives and the CSV export of the corpus are inert', async ({ page }) => {
  const tripwires = watchDialogs(page);
  await fetchMallory(page, world.host);
  await expect(counts(page)).toContainText(`${total} of ${total} events`);

  // CSV: no cell a spreadsheet would run; the formula payload is kept, neutralised.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const cells = parseCsv(readFileSync((await csv.path())!, 'utf8')).flat();
  expect(cells.filter(isFormulaCell)).toEqual([]);
  expect(cells).toContain(`'${hostileStrings.formula}`);

  // The ticket draft preview, then the submitted issue.
  await page.getByRole('button', { name: 'Select all matching' }).click();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  const preview = page.getByTestId('ticket-draft');
  await expect(preview).toContainText('mallory');
  expect.soft(await hiddenCharactersIn(preview)).toEqual([]);
  expect(await pageState(page)).toEqual(cleanPage);

  await page.getByRole('combobox', { name: 'Project' }).selectOption('SEC');
  await page.getByRole('combobox', { name: 'Issue type' }).selectOption({ label: 'Task' });
  await page.getByRole('button', { name: 'Submit to Jira' }).click();
  await expect(page.getByText('SEC-1', { exact: true })).toBeVisible();
  const [issue] = world.jira.issues;
  expect(world.jira.issues).toHaveLength(1);
  expect(adfProblems(issue!.fields.description, (text) => /onerror|evil\.test|accountid|constructor/.test(text))).toEqual([]);
  const adf = JSON.stringify(issue!.fields.description);
  expect(adf).not.toMatch(/"type":"(mention|inlineCard|blockCard|embedCard|media|mediaSingle|link|emoji|extension)"/);
  expect(adf).not.toContain('"href"');
  expect(String(issue!.fields.summary)).not.toMatch(/[\r\n]/);
  expect(String(issue!.fields.summary).length).toBeLessThanOrEqual(255);
  expect((issue!.fields.labels as string[]).every((label) => !/\s/.test(label))).toBe(true);
  expect(issue!.attachments[0]!.filename).toMatch(/^[\w.-]+$/);
  expect(await pageState(page)).toEqual(cleanPage);
  expect(tripwires.dialogs).toEqual([]);
});
