// Fetches Electron's binary when it is missing or is not the pinned version (after a bump, the
// old binary would otherwise keep running). Dependency install scripts are off (.npmrc), and
// since Electron 42 the package has no install script anyway: its installer (install.js, the
// `install-electron` bin) runs here, on first use, from GitHub or ELECTRON_MIRROR.
// Where that cannot be reached, `npm run web` runs the same app in a browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = require('electron/package.json');

function installedVersion() {
  const pathFile = join(electronDir, 'path.txt');
  const versionFile = join(electronDir, 'dist', 'version');
  if (!existsSync(pathFile) || !existsSync(versionFile)) return null;
  if (!existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))) return null;
  return readFileSync(versionFile, 'utf8').trim().replace(/^v/, '');
}

const installed = installedVersion();
if (installed !== version) {
  process.stderr.write(
    installed
      ? `Electron ${installed} is installed, ${version} is pinned: fetching ${version}'s binary…\n`
      : `Fetching Electron ${version}'s binary (first start only)…\n`,
  );
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', cwd: electronDir });
  if (install.status !== 0 || installedVersion() !== version) {
    process.stderr.write(
      "Could not fetch Electron's binary. Check your network or set ELECTRON_MIRROR; meanwhile `npm run web` runs Trailcase in a browser.\n",
    );
    process.exit(1);
  }
}
