import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * The Electronegativity gate fails on any finding, although the scanner's own CLI exits 0.
 * (That our own sources pass is the `npm run scan` step of `npm test`.)
 */
function scan(folder: string) {
  return spawnSync(process.execPath, ['scripts/scan-electron.mjs', folder], { encoding: 'utf8', timeout: 120_000 });
}

describe('the scanner gate', () => {
  it('fails on a window with Node integration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailcase-scan-bad-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(
      join(dir, 'app', 'window.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const run = scan(join(dir, 'app'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(run.stderr).toContain('SANDBOX_JS_CHECK');
  });
});
