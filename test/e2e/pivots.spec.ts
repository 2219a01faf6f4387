import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { fetchDemoUser } from './support/demo';

const header = (page: Page) => page.getByTestId('fetched-header');
const progress = (page: Page) => page.getByRole('region', { name: 'Fetch progress' });

/** Opens the Sources tab of the panel above the table. */
async function openSources(page: Page) {
  await page.getByRole('tab', { name: /^Sources/ }).click();
  return page.getByRole('table', { name: 'Source addresses' });
}

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
