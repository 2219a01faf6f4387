import { expect, test } from './fixtures';

/**
 * The log-files path in the web host: a browser never hands a page a local path, so the host
 * offers no native chooser and the field is typed, as before (the desktop's Choose… is tested
 * in test/unit/api/local-path-chooser.test.ts and test/component/investigation/PathChooser.test.tsx).
 */
test('the web host shows no Choose… beside the log-files path, and the path is typed', async ({ app, webHost, consoleErrors }) => {
  const answer = await app.evaluate(
    async ({ token }) => (await fetch('/api/call/canChooseLocalPath', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Trailcase-Token': token }, body: '{}' })).json(),
    { token: webHost.token },
  );
  expect(answer).toEqual({ ok: true, data: { available: false } });
  // The page asks its host once the log-files field is drawn: the check below follows that answer.
  const asked = app.waitForResponse((response) => response.url().endsWith('/api/call/canChooseLocalPath'));
  await app.getByRole('combobox', { name: 'Source' }).selectOption('files');
  expect(await (await asked).json()).toEqual({ ok: true, data: { available: false } });
  const path = app.getByRole('textbox', { name: 'Folder or file' });
  await path.fill('/var/log/cloudtrail');
  await expect(path).toHaveValue('/var/log/cloudtrail');
  await path.press('Tab');
  await expect(path).not.toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
