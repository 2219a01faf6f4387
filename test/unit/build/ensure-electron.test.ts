import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * `npm start` and `npm run test:electron` fetch Electron's binary through ensure-electron.mjs
 * (no install script runs). Run here beside a fake `electron` package whose installer only
 * records that it ran and writes the version it was asked for.
 */
function project(installed: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'trailcase-ensure-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync('scripts/ensure-electron.mjs', join(dir, 'scripts', 'ensure-electron.mjs'));
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(join(electron, 'dist'), { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  writeFileSync(
    join(electron, 'install.js'),
    "const fs = require('fs');\nfs.writeFileSync('installer-ran', '');\nfs.writeFileSync('path.txt', 'electron');\nfs.writeFileSync('dist/electron', '');\nfs.writeFileSync('dist/version', 'v' + require('./package.json').version);\n",
  );
  if (installed !== null) {
    writeFileSync(join(electron, 'path.txt'), 'electron');
    writeFileSync(join(electron, 'dist', 'electron'), '');
    writeFileSync(join(electron, 'dist', 'version'), `v${installed}`);
  }
  const run = spawnSync(process.execPath, [join(dir, 'scripts', 'ensure-electron.mjs')], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { run, installerRan: existsSync(join(electron, 'installer-ran')) };
}

describe('ensure-electron', () => {
  it('fetches the binary on first use', () => {
    const { run, installerRan } = project(null);
    expect(run.status).toBe(0);
    expect(installerRan).toBe(true);
  });

  it('fetches the pinned version when the binary left over is of another one (after a bump)', () => {
    const { run, installerRan } = project('38.8.6');
    expect(run.status).toBe(0);
    expect(installerRan).toBe(true);
    expect(run.stderr).toContain('Electron 38.8.6 is installed, 45.5.0 is pinned');
  });

  it('does nothing when the pinned binary is there', () => {
    const { run, installerRan } = project('45.5.0');
    expect(run.status).toBe(0);
    expect(installerRan).toBe(false);
  });
});
