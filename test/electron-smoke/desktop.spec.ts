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
    // Served from app://, not file://: the page reaches no local file, and only its own folder.
    expect(page.url()).toBe('app://trailcase/index.html');
    const reads = await page.evaluate(async () => {
      const attempt = (url: string) => fetch(url).then((response) => (response.ok ? 'read' : `status ${response.status}`), () => 'refused');
      return { file: await attempt('file:///etc/passwd'), traversal: await attempt('app://trailcase/..%2f..%2f..%2fpackage.json'), own: await attempt('app://trailcase/index.html') };
    });
    expect(reads).toEqual({ file: 'refused', traversal: 'status 404', own: 'read' });
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

test('the log-files path has Choose…, which fills the field with the folder picked in the open dialog', async () => {
  const app = await electron.launch({ args: ['.'], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' } });
  try {
    const page = await app.firstWindow();
    // The system dialog cannot be driven from a test: main's showOpenDialog answers as a pick would.
    await app.evaluate(({ dialog }) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: ['/home/analyst/cases/4711'] })) as typeof dialog.showOpenDialog;
    });
    await page.getByRole('combobox', { name: 'Source' }).selectOption('files');
    await page.getByRole('button', { name: 'Choose…' }).click();
    await page.getByRole('menuitem', { name: /A folder/ }).click();
    await expect(page.getByRole('textbox', { name: 'Folder or file' })).toHaveValue('/home/analyst/cases/4711');
  } finally {
    await app.close();
  }
});
