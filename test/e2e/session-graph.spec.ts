import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { DEMO_STORY, eventCounts, fetchDemoUser } from './support/demo';

/** How many events a node's accessible name says it stands for. */
async function eventsOf(node: ReturnType<Page['getByRole']>): Promise<string> {
  return /: ([\d,]+) events?/.exec((await node.getAttribute('aria-label')) ?? '')![1]!;
}

test('the session graph leads from jmorales to the attacker’s sessions, and a click on a node filters the table', async ({ app, consoleErrors }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  const panel = app.getByRole('region', { name: 'Sessions' });
  await panel.getByRole('button', { name: 'Show sessions' }).click();

  await expect(panel.getByRole('button', { name: /^User jmorales: / })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Key AKIATJ4MORALESK3Y7Q2: / })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Key AKIATJ4MORALESNEW5Z8: / })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Role prod-admin: / })).toBeVisible();
  const roleSession = panel.getByRole('button', { name: /^Session ASIATJ4ROLESESSION9P3: / });
  await expect(roleSession).toContainText('AssumeRole · maint-0412');
  await expect(panel.getByRole('button', { name: /^Session ASIATJ4SESSIONTOKENX6: / })).toContainText('GetSessionToken');

  const total = (await eventCounts(app).textContent()) ?? '';
  const inSession = await eventsOf(roleSession);
  await roleSession.click();
  await expect(roleSession).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('button', { name: 'Remove filter Access key = ASIATJ4ROLESESSION9P3' })).toBeVisible();
  await expect(eventCounts(app)).toContainText(`${inSession} of`);
  await expect(app.getByTestId('event-table')).toHaveAttribute('aria-label', `Events, ${inSession} rows`);
  await expect(app.getByTestId('event-row').filter({ hasText: 'GetSecretValue' }).first()).toBeVisible();
  await expect(app.getByTestId('event-row').filter({ hasText: 'ConsoleLogin' })).toHaveCount(0);

  // The attacker's key stands for its own calls and those of the sessions it opened.
  const attackerKey = panel.getByRole('button', { name: /^Key AKIATJ4MORALESNEW5Z8: / });
  const withSessions = await eventsOf(attackerKey);
  await attackerKey.click();
  await expect(eventCounts(app)).toContainText(`${withSessions} of`);
  await expect(roleSession).toHaveAttribute('aria-pressed', 'false');

  // A second click lifts the filter.
  await attackerKey.click();
  await expect(eventCounts(app)).toHaveText(total);
  expect(consoleErrors).toEqual([]);
});
