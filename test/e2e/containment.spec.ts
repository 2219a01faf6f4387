import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

test('containment on the demo: the exact calls first, Run only once the name is typed, the outcome read back, undo, and the ticket', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto(demoLink(host.url, 'jmorales', { since: '7d', regions: ['us-east-1'] }));
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: 45_000 });

  await page.getByRole('button', { name: 'Contain…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contain user jmorales' });
  await dialog.getByRole('checkbox', { name: 'Deny all (attach AWSDenyAll)' }).check();
  await expect(dialog.getByLabel('Acting profile')).toHaveValue('demo');
  await dialog.getByRole('button', { name: 'Preview the calls' }).click();

  // The preview: both Active keys by id, the managed policy by ARN, and what each affects.
  const plan = dialog.getByTestId('contain-plan');
  await expect(plan).toContainText('unique id AIDATJ4MORALES7XK2Q');
  const calls = plan.getByTestId('contain-call');
  await expect(calls).toHaveCount(3);
  await expect(calls.nth(0)).toContainText('UpdateAccessKey');
  await expect(calls.nth(0)).toContainText('AKIATJ4MORALESK3Y7Q2');
  await expect(calls.nth(1)).toContainText('AKIATJ4MORALESNEW5Z8');
  await expect(calls.nth(2)).toContainText('AttachUserPolicy');
  await expect(calls.nth(2)).toContainText('arn:aws:iam::aws:policy/AWSDenyAll');
  await expect(plan.getByRole('region', { name: 'Deny all (attach AWSDenyAll)' })).toContainText('Can be undone');

  await page.screenshot({ path: 'test-results/containment-preview.png' });

  // Confirmation required: Run stays disabled until the name is typed exactly, and nothing was done.
  const runButton = dialog.getByRole('button', { name: 'Run 3 calls' });
  await expect(runButton).toBeDisabled();
  const confirm = dialog.getByLabel('Type jmorales to confirm');
  await confirm.fill('jmorale');
  await expect(runButton).toBeDisabled();
  expect(existsSync(join(host.dataDir, 'containment', 'audit.jsonl'))).toBe(false);
  await confirm.fill('jmorales');
  await runButton.click();

  const outcome = dialog.getByTestId('contain-outcome');
  await expect(outcome.getByRole('heading', { level: 3 })).toContainText('Containment: Done');
  await expect(outcome.getByRole('heading', { level: 3 })).toContainText('Verified');
  const checks = outcome.getByTestId('contain-checks');
  await expect(checks).toContainText('Access key AKIATJ4MORALESK3Y7Q2 reads Inactive.');
  await expect(checks).toContainText('SimulatePrincipalPolicy: iam:CreateAccessKey: explicitDeny');
  const recordId = (await outcome.getByTestId('contain-record-id').textContent()) ?? '';
  expect(recordId).toMatch(/^c-\d{8}T\d{6}Z-[0-9a-f]{8}$/);
  await page.screenshot({ path: 'test-results/containment-outcome.png' });

  // Undo is shown as its exact calls first, needs the name typed again, then puts back exactly what was there.
  const undoPreview = dialog.getByTestId('contain-undo-preview');
  await expect(undoPreview.locator('summary')).toHaveText('Undo sends 3 calls');
  await undoPreview.locator('summary').click();
  await expect(undoPreview.getByTestId('contain-call').nth(2)).toContainText('DetachUserPolicy');
  const undo = dialog.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeDisabled();
  await confirm.fill('jmorales');
  await undo.click();
  const undone = dialog.getByTestId('contain-undo-outcome');
  await expect(undone.getByRole('heading', { level: 3 })).toContainText('Undo: Done');
  await expect(undone.getByTestId('contain-checks')).toContainText('Access key AKIATJ4MORALESNEW5Z8 reads Active (was Active).');
  await expect(undone.getByTestId('contain-checks')).toContainText('The attached managed policies are as before.');

  const log = await readFile(join(host.dataDir, 'containment', 'audit.jsonl'), 'utf8');
  const entries = log.trim().split('\n').map((line) => JSON.parse(line) as { id: string; type: string; undoOf?: string });
  expect(entries.filter((entry) => entry.type === 'intent')).toHaveLength(6);
  expect(entries.find((entry) => entry.type === 'begin' && entry.undoOf === recordId)).toBeTruthy();

  // Add to ticket: the draft gets a Containment section with the calls and their outcome.
  await dialog.getByRole('button', { name: 'Add to ticket' }).click();
  await expect(dialog.getByRole('status')).toContainText('Added to the ticket draft (2 records, under Containment).');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Select all matching' }).click();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  const preview = page.getByTestId('ticket-draft');
  await expect(preview.getByRole('heading', { name: 'Containment' })).toBeVisible();
  await expect(preview).toContainText('UpdateAccessKey UserName=jmorales AccessKeyId=AKIATJ4MORALESK3Y7Q2 Status=Inactive');
  await expect(preview).toContainText(recordId);
  await preview.getByRole('heading', { name: 'Containment' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/containment-ticket.png' });
  expect(errors).toEqual([]);
});
