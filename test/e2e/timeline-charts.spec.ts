import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { eventCounts, fetchDemoUser } from './support/demo';

test.use({ viewport: { width: 1920, height: 1080 } });

/** What the timeline's live region says about the bars chosen from the keyboard. */
function announced(page: Page) {
  return page.getByRole('region', { name: 'Timeline' }).locator('[aria-live="polite"]');
}

function summaryOf(text: string) {
  const [, total, read, write, error] = /: (\d+) events?, (\d+) read · (\d+) write · (\d+) error/.exec(text) ?? [];
  const flagged = /, (\d+) flagged:/.exec(text)?.[1] ?? '0';
  return { total: Number(total), read: Number(read), write: Number(write), error: Number(error), flagged: Number(flagged) };
}

test('the timeline counts a flagged write as a write, and marks flags by severity inside the chart', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales');
  const chart = app.getByTestId('timeline');
  await chart.focus();
  await app.keyboard.press('Home');
  await app.keyboard.press('Shift+End');
  const all = summaryOf((await announced(app).textContent()) ?? '');
  expect(all.read + all.write + all.error).toBe(all.total);

  // Only the flagged events: their writes (AttachUserPolicy, the security group opened) are writes.
  await app.getByLabel('Flagged only').check();
  await chart.focus();
  await app.keyboard.press('Home');
  await app.keyboard.press('Shift+End');
  const flagged = summaryOf((await announced(app).textContent()) ?? '');
  expect(flagged.flagged).toBe(flagged.total);
  expect(flagged.write).toBeGreaterThan(0);
  await expect(eventCounts(app)).toContainText(`${flagged.total} of`);
  await app.getByLabel('Flagged only').uncheck();

  // Flag marks take their severity's colour: the demo has info, high and critical flags.
  const fills = await chart.locator('.flag-mark').evaluateAll((marks) => [...new Set(marks.map((mark) => mark.getAttribute('fill')))]);
  expect(fills).toEqual(expect.arrayContaining(['var(--sev-info)', 'var(--sev-critical)']));

  // After a zoom every mark lies inside the chart's box, none cut off at its top.
  const box = (await chart.boundingBox())!;
  await app.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.5, { steps: 6 });
  await app.mouse.up();
  await expect(app.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
  const marks = await chart.locator('.flag-mark').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect));
  expect(marks.length).toBeGreaterThan(0);
  const zoomed = (await chart.boundingBox())!;
  for (const mark of marks) expect(mark.top).toBeGreaterThanOrEqual(zoomed.y);
});

test('the time axis ticks at nice times and writes each date once, at 1920 px', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales');
  const labels = await app.getByTestId('timeline').locator('.time-axis .tick').allTextContents();
  const dates = labels.filter((label) => /^[A-Z][a-z]{2} \d+/.test(label));
  expect(dates.length).toBeGreaterThanOrEqual(7);
  expect(new Set(dates.map((label) => label.slice(0, 6))).size).toBe(dates.length);
  // Seven days on about 1,400 px: a tick every 12 hours, so only noon is written as a time.
  expect(labels.filter((label) => !dates.includes(label))).toEqual(expect.arrayContaining(['12:00']));
  for (const label of labels.filter((l) => !dates.includes(l))) expect(label).toBe('12:00');
});

test('the timeline zooms and filters from the keyboard', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales');
  const chart = app.getByTestId('timeline');
  await chart.focus();
  await expect(chart).toHaveAccessibleDescription(/Enter filters to it/);
  await app.keyboard.press('ArrowRight');
  const bar = summaryOf((await announced(app).textContent()) ?? '');
  expect(bar.total).toBeGreaterThan(0);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('button', { name: 'Remove time range filter' })).toBeVisible();
  await expect(eventCounts(app)).toContainText(`${bar.total} of`);
  await chart.focus();
  await app.keyboard.press('-');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Remove time range filter' })).toHaveCount(0);
});

test('chart tabs follow the tabs pattern, and every value is reachable, rare ones included', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales');
  const charts = app.getByRole('region', { name: 'Top values' });
  await charts.getByRole('tab', { name: 'Events', exact: true }).focus();
  await app.keyboard.press('ArrowRight');
  await expect(charts.getByRole('tab', { name: 'Services' })).toBeFocused();
  await expect(charts.getByRole('tabpanel', { name: 'Services' })).toBeVisible();
  await app.keyboard.press('Home');
  await expect(charts.getByRole('tab', { name: 'Events', exact: true })).toHaveAttribute('aria-selected', 'true');

  const total = (await eventCounts(app).textContent()) ?? '';
  await charts.getByRole('button', { name: /other values: show all/ }).click();
  const dialog = app.getByRole('dialog', { name: /^Event names: \d+ values$/ });
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  const violations = await new AxeBuilder({ page: app }).include('.all-values-dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(violations.violations.map((v) => v.id)).toEqual([]);
  // The rarest value: the last of the list, counted once.
  const rare = dialog.getByRole('button', { name: /^Filter Event names: .+ \(1\)$/ }).last();
  const [, value] = /^Filter Event names: (.+) \(1\)$/.exec((await rare.getAttribute('aria-label'))!)!;
  await dialog.getByRole('searchbox').fill(value!);
  await expect(dialog.getByRole('button', { name: /^Filter Event names/ })).toHaveCount(1);
  await dialog.getByRole('button', { name: `Filter Event names: ${value} (1)` }).click();
  await expect(dialog).toHaveCount(0);
  // Anchored: a total such as "281 of 281" holds the text "1 of" too.
  await expect(eventCounts(app)).toHaveText(/^1 of /);
  expect(total).not.toMatch(/^1 of /);
});
