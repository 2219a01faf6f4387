import { _electron as electron, expect, test } from '@playwright/test';

test('the desktop window is sandboxed, isolated and locked to its page', async () => {
  const app = await electron.launch({ args: ['.'], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByLabel('AWS profile')).toBeVisible();
    const globals = await window.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: typeof window.trailcase,
      methods: Object.keys(window.trailcase ?? {}).length,
    }));
    expect(globals).toMatchObject({ require: 'undefined', process: 'undefined', bridge: 'object' });
    expect(globals.methods).toBeGreaterThan(3);
    const before = window.url();
    await window.evaluate(() => {
      window.location.href = 'https://evil.test/';
    });
    await window.waitForTimeout(500);
    expect(window.url()).toBe(before);
    expect(await window.evaluate(() => window.open('https://evil.test/') === null)).toBe(true);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      return { sandboxed: contents.getLastWebPreferences()?.sandbox, isolation: contents.getLastWebPreferences()?.contextIsolation };
    });
    expect(prefs).toEqual({ sandboxed: true, isolation: true });
  } finally {
    await app.close();
  }
});
