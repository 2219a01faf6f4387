import { expect, test } from './fixtures';

test('the app opens in Chromium with the profile picker, no console error and the CSP header', async ({ page, webHost, consoleErrors }) => {
  const response = await page.goto(webHost.url);
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain("'unsafe-eval'");
  await expect(page.getByLabel('AWS profile')).toBeVisible();
  await expect(page.getByLabel('AWS profile')).toContainText('demo');
  expect(page.url()).not.toContain('token=');
  expect(consoleErrors).toEqual([]);
});

test('the page has no Node and no bridge of the desktop app', async ({ app }) => {
  await expect(app.getByLabel('AWS profile')).toBeVisible();
  const globals = await app.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
});
