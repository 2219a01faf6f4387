import { _electron as electron, expect, test } from '@playwright/test';

test('the desktop window is sandboxed, isolated and locked to its page', async () => {
  const app = await electron.launch({ args: ['.'], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByLabel('AWS profile')).toBeVisible();
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: typeof window.trailcase,
      methods: Object.keys(window.trailcase ?? {}).length,
    }));
    expect(globals).toMatchObject({ require: 'undefined', process: 'undefined', bridge: 'object' });
    expect(globals.methods).toBeGreaterThan(3);
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://evil.test/';
    });
    await expect.poll(() => page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://evil.test/') === null)).toBe(true);
    // A sandboxed renderer cannot reach Node even through the preload's world.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
  }
});
