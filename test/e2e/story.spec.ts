import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, startWebHost, test, watchConsole } from './fixtures';
import type { WebHostProcess } from './fixtures';
import { demoLink } from './support/demo';

let host: WebHostProcess;

test.beforeEach(async () => {
  host = await startWebHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('the draft opens with the story of the demo, and a sentence can be dropped and reworded', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto(demoLink(host.url, 'jmorales', { since: '14d', regions: ['us-east-1', 'eu-west-1', 'us-west-2'] }));
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Select all matching' }).click();
  await page.getByRole('button', { name: 'Draft ticket' }).click();

  const preview = page.getByTestId('ticket-draft');
  await expect(preview.locator('h3').first()).toHaveText('What happened');
  await expect(preview.locator('h2')).toHaveText(/^possible compromise of jmorales: console sign-in without MFA from a /);
  const first = page.getByLabel('What happened, sentence 1');
  await expect(first).toHaveValue(/^On \d+ \w+ at \d\d:\d\d UTC jmorales signed in to the console without MFA from 185\.220\.101\.47/);
  await expect(preview).toContainText('stopped the management-events trail');
  await expect(preview).toContainText('Start logging again on the trail management-events');

  // Drop the sentence about the new address and reword the opening; both are saved with the draft.
  const second = page.getByLabel('What happened, sentence 2');
  const dropped = await second.inputValue();
  await expect(preview).toContainText(dropped);
  await page.getByRole('button', { name: 'Drop what happened sentence 2' }).click();
  await expect(preview).not.toContainText(dropped);
  await first.fill('Someone signed in as jmorales through Tor.');
  await expect(preview).toContainText('Someone signed in as jmorales through Tor.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible();

  const drafts = join(host.dataDir, 'drafts');
  await expect
    .poll(async () => {
      const name = (await readdir(drafts)).find((file) => file.endsWith('.json'));
      return name ? JSON.parse(await readFile(join(drafts, name), 'utf8')).draft.storyEdits : null;
    })
    .toMatchObject({ dropped: [expect.stringMatching(/^happened:/)], rewritten: expect.objectContaining({}) });

  await page.getByRole('button', { name: 'Close the ticket drawer' }).click();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await expect(page.getByLabel('What happened, sentence 1')).toHaveValue('Someone signed in as jmorales through Tor.');
  await expect(page.getByTestId('ticket-draft')).not.toContainText(dropped);
  expect(errors).toEqual([]);
});
