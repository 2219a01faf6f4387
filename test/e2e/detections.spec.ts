import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { DEMO_STORY, eventCounts, fetchDemoUser } from './support/demo';

function findings(page: Page) {
  return page.getByRole('list', { name: 'Findings' });
}

test('the demo story stands out: Tor, the Kali agent and the other findings, and a click filters the table', async ({ app, consoleErrors }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  const list = findings(app);
  await expect(list).toBeVisible({ timeout: 30_000 });

  const tor = list.getByRole('button', { name: /tor exit: Calls through Tor/ });
  await expect(tor).toContainText('185.220.101.47');
  await expect(list.getByRole('button', { name: /pentest tool: Kali Linux in the user agent/ })).toBeVisible();
  for (const kind of ['impossible travel', 'recon burst', 'console without mfa', 'logging tampering', 'privilege escalation', 'persistence'])
    await expect(list.getByRole('button', { name: new RegExp(`^\\w+ ${kind}:`) })).toHaveCount(1);
  // Most severe first.
  const severities = await list.locator('.finding-button .sev').allTextContents();
  const rank = ['critical', 'high', 'medium', 'low', 'info'];
  expect(severities.map((s) => rank.indexOf(s))).toEqual([...severities.map((s) => rank.indexOf(s))].sort((a, b) => a - b));

  const total = (await eventCounts(app).textContent()) ?? '';
  const kali = list.getByRole('button', { name: /pentest tool: Kali Linux in the user agent/ });
  const named = /, (\d+) events?$/.exec((await kali.getAttribute('aria-label')) ?? '')![1]!;
  await kali.click();
  await expect(eventCounts(app)).toContainText(`${named} of`);
  await expect(app.getByRole('button', { name: /Remove .*Finding = Kali Linux in the user agent/ })).toBeVisible();
  await expect(app.getByTestId('event-table')).toHaveAttribute('aria-label', `Events, ${named} rows`);
  await expect(app.getByTestId('event-row').first()).toContainText('kali');

  // A second click lifts the filter.
  await list.getByRole('button', { name: /Kali Linux in the user agent/, pressed: true }).click();
  await expect(eventCounts(app)).toHaveText(total);
  expect(consoleErrors).toEqual([]);
});

test('the sources tab shows the Tor exit with its country and ASN, and a row filters by address', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  await expect(findings(app)).toBeVisible({ timeout: 30_000 });
  await app.getByRole('tab', { name: /^Sources/ }).click();
  const table = app.getByRole('table', { name: 'Source addresses' });
  const row = table.getByRole('row').filter({ has: app.getByRole('button', { name: 'Show events from 185.220.101.47' }) });
  await expect(row).toContainText('Tor exit');
  await expect(row).toContainText('DE');
  await expect(row).toContainText(/AS\d+/);
  // The demo names its own Tor list; AWS's ranges are not loaded, so AWS reads unknown, never "no".
  await expect(app.getByText(/Data sets: .*Trailcase demo/)).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText('unknown');

  await row.getByRole('button', { name: 'Show events from 185.220.101.47' }).click();
  await expect(app.getByRole('button', { name: /Remove .*Source IP = 185.220.101.47/ })).toBeVisible();
  const rows = app.getByTestId('event-row');
  await expect(rows.first()).toContainText('185.220.101.47');
  await rows.first().click();
  const detail = app.getByTestId('event-detail');
  await expect(detail.getByRole('region', { name: 'Source address' })).toContainText('DE');
});

test('a flag links its ATT&CK technique only on attack.mitre.org', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  await expect(findings(app)).toBeVisible({ timeout: 30_000 });
  await app.getByLabel('Flagged only').check();
  await app.getByTestId('event-row').first().click();
  const link = app.getByTestId('event-detail').getByRole('button', { name: /^MITRE ATT&CK T\d{4}/ }).first();
  await expect(link).toHaveAttribute('title', /^https:\/\/attack\.mitre\.org\/techniques\/T\d{4}\/(\d{3}\/)?$/);
});
