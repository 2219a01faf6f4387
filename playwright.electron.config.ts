import { defineConfig } from '@playwright/test';

/**
 * The desktop smoke test, for machines that have Electron's binary (`npm start` fetches it):
 * `npm run test:electron`. It is not part of `npm test`, because build machines cannot download
 * the binary; there the same settings are checked as data (test/unit/security, test/unit/electron).
 */
export default defineConfig({
  testDir: 'test/electron-smoke',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
