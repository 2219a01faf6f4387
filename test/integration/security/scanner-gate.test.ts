import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

function pageFolder(html: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'trailcase-scan-page-')), 'page');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), html);
  return dir;
}

const cspFindings = (stderr: string) => stderr.split('\n').filter((line) => line.includes('CSP_GLOBAL_CHECK'));

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

  it('reads the policy of our page: without its reviewed suppression, the one finding is the maybe-weak script-src', () => {
    const page = readFileSync('renderer/index.html', 'utf8');
    expect(page).toContain('<!-- eng-disable CSP_GLOBAL_CHECK -->');
    const run = scan(pageFolder(page.replace('<!-- eng-disable CSP_GLOBAL_CHECK -->', '')));
    expect(run.status).toBe(1);
    expect(cspFindings(run.stderr)).toEqual([expect.stringContaining('seems to be vulnerable')]);
  }, 120_000);

  it('finds no CSP problem in our page as it is, and does not report it as having no CSP', () => {
    const run = scan(pageFolder(readFileSync('renderer/index.html', 'utf8')));
    expect(cspFindings(run.stderr)).toEqual([]);
  }, 120_000);

  it('fails on a page without a CSP, and on a page whose CSP allows inline script', () => {
    const none = scan(pageFolder('<!doctype html><html><head><title>x</title></head><body></body></html>\n'));
    expect(none.status).toBe(1);
    expect(cspFindings(none.stderr)).toEqual([expect.stringContaining('No CSP')]);
    const inline = scan(
      pageFolder(
        `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'unsafe-inline'" /></head></html>\n`,
      ),
    );
    expect(inline.status).toBe(1);
    expect(cspFindings(inline.stderr)).toEqual([expect.stringContaining('are vulnerable')]);
  }, 120_000);

  it('excludes no global check but the online release-list one, which the offline support check replaces', () => {
    const script = readFileSync('scripts/scan-electron.mjs', 'utf8');
    const excluded = /const EXCLUDED_ALL = \[([^\]]*)\]/.exec(script)?.[1] ?? '';
    expect([...excluded.matchAll(/'(\w+)'/g)].map((match) => match[1])).toEqual(['AvailableSecurityFixesGlobalCheck']);
    expect(readFileSync('package.json', 'utf8')).toContain('node scripts/check-electron-support.mjs && node scripts/scan-electron.mjs');
  });
});
