import { startFakeWebhooks } from '../fakes/chat/fake-webhooks';
import type { FakeWebhooks } from '../fakes/chat/fake-webhooks';
import { expect, startWebHost, test, watchConsole } from './fixtures';
import { fetchDemoUser } from './support/demo';
import type { WebHostProcess } from './fixtures';

let hooks: FakeWebhooks;
let host: WebHostProcess;

test.beforeEach(async () => {
  hooks = await startFakeWebhooks();
  host = await startWebHost();
});
test.afterEach(async () => {
  await host.stop();
  await hooks.close();
});

test('sends the summary to Slack once from the ticket drawer; the webhook URL never shows again nor reaches the log', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto(`${host.url}&profile=demo`);
  await fetchDemoUser(page, 'jmorales');
  const rows = page.getByTestId('event-row');
  for (let i = 0; i < 2; i++) await rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Draft ticket' }).click();

  const chat = page.getByRole('region', { name: 'Send to chat' });
  await chat.getByLabel('Slack webhook URL').fill(hooks.slackUrl);
  await chat.getByRole('button', { name: 'Save webhook' }).click();
  await expect(chat.getByText(`Webhook: ${hooks.base}/…`)).toBeVisible();
  const preview = chat.getByRole('region', { name: 'Message as Slack will show it' });
  await expect(preview).toContainText('jmorales');

  await chat.getByRole('button', { name: 'Send to Slack' }).click();
  await expect(chat.getByRole('status')).toHaveText('Posted to Slack.');
  await chat.getByRole('button', { name: 'Send to Slack' }).click();
  await expect(chat.getByRole('status')).toHaveText('Already posted to Slack; not sent again.');
  expect(hooks.delivered).toHaveLength(1);

  const secret = new URL(hooks.slackUrl).pathname;
  expect(await page.content()).not.toContain(secret);
  expect(host.log()).not.toContain(secret);
  expect(errors).toEqual([]);
});
