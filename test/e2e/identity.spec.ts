import { readFileSync } from 'node:fs';

import { expect, test } from './fixtures';
import { DEMO_STORY, fetchDemoUser } from './support/demo';

test('the Identity panel beside the events: jmorales in IAM, the attacker\'s key, AdministratorAccess and what it can still do', async ({ app, consoleErrors }) => {
  await fetchDemoUser(app, 'jmorales', DEMO_STORY);
  const panel = app.getByTestId('identity-panel');
  await expect(panel.getByRole('heading', { name: 'Identity: user jmorales' })).toBeVisible();
  await expect(panel).toContainText('AIDATJ4MORALES7XK2Q', { timeout: 20_000 });
  await expect(panel).toContainText('developers, console-users');
  await expect(panel.getByText('AdministratorAccess', { exact: true })).toBeVisible();
  await expect(panel.getByRole('cell', { name: 'AKIATJ4MORALESNEW5Z8' })).toBeVisible();
  await expect(panel).toContainText('MFA: none');
  await expect(panel).toContainText('up to 4 hours');
  const risks = panel.getByTestId('identity-risk');
  await expect(risks.first()).toContainText('Administrator');
  await expect(risks.first()).toContainText('granted by AdministratorAccess, Statement[0], on user jmorales');
  await expect(panel.getByText(/iam:PassRole ← .*DeveloperAccess, Statement\[2\] \(Sid PassDevRoles\), on group developers/).first()).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath('identity-panel.png') });
  expect(consoleErrors).toEqual([]);
});

test('the Account view: inactive users from the credential report, sortable, CSV export, and Investigate in one click', async ({ app, consoleErrors }) => {
  await app.getByRole('button', { name: 'Account users' }).click();
  const dialog = app.getByRole('dialog', { name: 'IAM users of profile demo' });
  const table = dialog.getByTestId('account-users');
  await expect(table.getByRole('row', { name: /old-contractor/ })).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('row', { name: /priya\.shah/ })).toHaveCount(0);
  await expect(dialog).toContainText('at most once every 4 hours');

  await dialog.getByRole('checkbox', { name: /Only inactive/ }).uncheck();
  await expect(table.getByRole('row', { name: /priya\.shah/ })).toBeVisible();
  await table.getByRole('button', { name: 'User', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: /User/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await dialog.getByTestId('account-user-row').locator('td:first-child').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await dialog.screenshot({ path: test.info().outputPath('account-view.png') });

  const download = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^user,arn,created,passwordEnabled/);
  expect(csv).toContain('"old-contractor"');

  await dialog.getByRole('checkbox', { name: /Only inactive/ }).check();
  await dialog.getByRole('button', { name: 'Investigate old-contractor' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('region', { name: 'Fetch progress' }).getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(app.getByTestId('identity-panel').getByRole('heading', { name: 'Identity: user old-contractor' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
