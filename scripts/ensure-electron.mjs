// Fetches Electron's binary when it is missing. Dependency install scripts are off (.npmrc), so
// Electron's own installer runs here instead, on first use (from GitHub, or ELECTRON_MIRROR).
// Where that cannot be reached, `npm run web` runs the same app in a browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');

if (!existsSync(pathFile) || !existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))) {
  process.stderr.write("Fetching Electron's binary (first start only)…\n");
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', cwd: electronDir });
  if (install.status !== 0) {
    process.stderr.write("Could not fetch Electron's binary. Check your network or set ELECTRON_MIRROR; meanwhile `npm run web` runs Trailcase in a browser.\n");
    process.exit(1);
  }
}
