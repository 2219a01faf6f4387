import { expect, test } from './fixtures';
import { demoLink, fetchDemoUser } from './support/demo';

test('the demo profile defaults to its three regions, and the header names what was fetched', async ({ app, consoleErrors }) => {
  await expect(app.getByTestId('region-defaults')).toHaveText("Default: the demo account's 3 regions");
  await fetchDemoUser(app, 'jmorales', { untilDone: false });
  const progress = app.getByRole('region', { name: 'Fetch progress' });
  for (const region of ['us-east-1', 'eu-west-1', 'us-west-2']) await expect(progress.getByLabel(new RegExp(`^${region}:`))).toBeVisible();
  await expect(progress.getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  const header = app.getByTestId('fetched-header');
  await expect(header).toContainText('jmorales');
  await expect(header).toContainText('3 · us-east-1, eu-west-1, us-west-2');
  await expect(header).toContainText('(7 days)');
  await expect(app.getByTestId('event-row').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('after the identity in the form changes, the header says the events below are still the fetched one', async ({ app }) => {
  await fetchDemoUser(app, 'jmorales');
  await app.getByLabel('Identity', { exact: true }).fill('dana.reyes');
  await expect(app.getByTestId('fetched-header').getByRole('status')).toHaveText(
    "The form now names dana.reyes; the events below are jmorales's — Fetch to replace them.",
  );
  await expect(app.getByTestId('event-row').first()).toBeVisible();
  await app.getByRole('button', { name: /^Fetch/ }).click();
  await expect(app.getByTestId('fetched-header')).toContainText('dana.reyes');
  await expect(app.getByTestId('fetched-header').getByRole('status')).toHaveText('');
});

test('a deep link without regions fetches the same default regions', async ({ page, webHost }) => {
  await page.goto(demoLink(webHost.url, 'jmorales', { since: '7d' }));
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByTestId('fetched-header')).toContainText('3 · us-east-1, eu-west-1, us-west-2');
});
