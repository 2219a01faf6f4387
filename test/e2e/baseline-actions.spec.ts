import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { DEMO_STORY, fetchDemoUser } from './support/demo';

/** Fetches the demo story's user over 30 days in the demo's three regions, and waits for the end. */
async function fetchJmorales(page: Page) {
  await fetchDemoUser(page, 'jmorales', DEMO_STORY);
}

const reason = 'Change window <b>CHG-4711</b>: trail rebuilt';

test('a rule muted for jmorales is kept with the investigation and shown as muted after a reload', async ({ app, consoleErrors }) => {
  await fetchJmorales(app);
  const list = app.getByRole('list', { name: 'Findings' });
  await expect(list).toBeVisible({ timeout: 30_000 });
  await list.getByRole('button', { name: /^\w+ logging tampering:/ }).click();
  await app.getByTestId('event-row').first().click();
  const flags = app.getByTestId('event-detail').getByLabel('Why this event is flagged');
  await expect(flags).toBeVisible();
  await expect(flags.getByTestId('muted-badge')).toHaveCount(0);

  await flags
    .getByRole('button', { name: /^Mute .* for this identity$/ })
    .first()
    .click();
  const dialog = app.getByRole('dialog', { name: 'Mute a rule for jmorales' });
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await dialog.getByLabel('Reason (required)').fill(reason);
  await dialog.getByLabel('90 days').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // The flag keeps its place, marked muted, with the reason (as text) and the expiry in its tooltip.
  const badge = flags.getByTestId('muted-badge');
  await expect(badge).toHaveAttribute(
    'title',
    new RegExp(`^Muted until \\d{4}-\\d{2}-\\d{2}: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
  await expect(app.getByLabel('Muted rules')).toContainText('1 rule muted for jmorales');

  await app.getByRole('button', { name: 'Save investigation…' }).click();
  const investigations = app.getByRole('dialog', { name: 'Save investigation' });
  await investigations.getByLabel('Name', { exact: true }).fill('Muted trail rule');
  await investigations.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('group', { name: 'Investigation' }).getByRole('status')).toHaveText(/^Saved .*: “Muted trail rule”$/);

  await app.reload();
  await app.getByRole('button', { name: 'Open Muted trail rule' }).click();
  const mutes = app.getByLabel('Muted rules');
  await expect(mutes).toContainText('1 rule muted for jmorales', { timeout: 45_000 });
  // The panel can be drawn again while the reopened investigation's analysis comes in, and a
  // click on the old button is lost: click until the list shows.
  await expect(async () => {
    const show = mutes.getByRole('button', { name: 'show' });
    if (await show.count()) await show.click({ timeout: 2000 });
    await expect(mutes.getByTestId('mute-item')).toContainText(reason, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(app.locator('.mutes-list b')).toHaveCount(0);
  await app.getByTestId('event-row').first().click();
  await expect(app.getByTestId('event-detail').getByTestId('muted-badge')).toBeVisible();

  // Unmute: the flag is offered for muting again.
  await mutes.getByRole('button', { name: 'Unmute' }).click();
  await expect(app.getByTestId('muted-badge')).toHaveCount(0);
  await expect(
    app
      .getByTestId('event-detail')
      .getByRole('button', { name: /^Mute .* for this identity$/ })
      .first(),
  ).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the Actions view shows the console actions, and one expands to its events', async ({ app }) => {
  await fetchJmorales(app);
  // The analysis adds the Country / ASN cells: rows are compared once it is in.
  await expect(app.getByRole('list', { name: 'Findings' })).toBeVisible({ timeout: 30_000 });
  await app.getByRole('group', { name: 'Show actions or events' }).getByRole('button', { name: 'Actions' }).click();
  const actions = app.getByTestId('action-row');
  await expect(actions.first()).toBeVisible({ timeout: 30_000 });
  // The table is virtualised and recycles its rows: find rows by their row index, not DOM order.
  const rowAt = (i: number) => app.locator(`[role="row"][aria-rowindex="${i}"]`);
  const indexes = (await actions.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))))).sort((a, b) => a - b);
  const [index, secondIndex] = indexes as [number, number | undefined];
  const first = rowAt(index);
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  const named = Number(/(\d+) events?/.exec((await first.locator('.action-meta').textContent()) ?? '')![1]);
  expect(named).toBeGreaterThan(0);
  const nextBefore = (await rowAt(index + 1).count()) > 0 ? await rowAt(index + 1).textContent() : null;
  const secondLabel = secondIndex ? await rowAt(secondIndex).locator('.action-label').textContent() : null;

  await first.getByRole('button', { expanded: false }).click();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  // Its events sit right under it; the next action moves down by as many rows.
  for (let i = 1; i <= Math.min(named, 3); i += 1) await expect(rowAt(index + i)).toHaveAttribute('data-testid', 'event-row');
  if (secondIndex && secondLabel && secondIndex + named < index + 15) {
    await expect(rowAt(secondIndex + named)).toHaveAttribute('data-testid', 'action-row');
    await expect(rowAt(secondIndex + named).locator('.action-label')).toHaveText(secondLabel);
  }

  await first.getByRole('button', { expanded: true }).click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  if (nextBefore !== null) await expect(rowAt(index + 1)).toHaveText(nextBefore);
  else await expect(rowAt(index + 1)).toHaveCount(0);
});
