// The README's screenshots, taken from the web host in Debian's Chromium on the demo account:
// `npm run build && node scripts/screenshot.mjs [folder]` writes workspace.png and ticket.png
// (default folder: docs/). It starts its own web host with fresh data folders and stops it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from '@playwright/test';

const folder = process.argv[2] ?? 'docs';
mkdirSync(folder, { recursive: true });
const home = mkdtempSync(join(tmpdir(), 'trailcase-shots-'));
const host = spawn(process.execPath, ['out/main/cli.cjs', 'serve', '--data-dir', join(home, 'data'), '--cache-dir', join(home, 'cache')], {
  stdio: ['ignore', 'pipe', 'ignore'],
});
const url = await new Promise((resolve, reject) => {
  let text = '';
  host.stdout.on('data', (chunk) => {
    text += chunk;
    if (text.includes('\n')) resolve(text.split('\n')[0].trim());
  });
  host.on('exit', () => reject(new Error('the web host did not start; run npm run build first')));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(url);
  await page.getByLabel('Identity', { exact: true }).fill('jmorales');
  await page.getByRole('button', { name: /^Regions/ }).click();
  const regions = page.getByRole('listbox', { name: 'Regions to search' });
  for (const region of ['eu-west-1', 'us-west-2']) {
    const option = regions.getByRole('option', { name: region, exact: true });
    if ((await option.getAttribute('aria-selected')) !== 'true') await option.click();
  }
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Fetch/ }).click();
  await page.getByText('Done', { exact: true }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Flagged only').check();
  await page.getByTestId('event-row').nth(1).click();
  await page.getByTestId('event-detail').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(folder, 'workspace.png') });

  await page.getByRole('button', { name: 'Select all matching' }).click();
  await page.getByRole('button', { name: 'Draft ticket' }).click();
  await page.getByTestId('ticket-draft').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(folder, 'ticket.png') });
} finally {
  await browser.close();
  host.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}
