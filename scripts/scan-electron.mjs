// The Electronegativity gate (PROMISES.md 1). Scans main/ and renderer/ together with the Electron
// version we ship, writes SARIF, and fails on any finding: the scanner's own CLI exits 0 even with
// findings. A reviewed false positive is suppressed inline with `/* eng-disable CHECK_ID */` and a
// one-line reason; a global check that cannot be suppressed inline is listed in EXCLUDED below,
// with its reason in SECURITY.md.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;

/** Global checks that cannot be suppressed inline; each is explained in SECURITY.md. */
const EXCLUDED_ALL = [
  // Downloads Electron's release list at every run; build machines have no network. Replaced by
  // scripts/check-electron-support.mjs (run first by `npm run scan`), which fails offline when
  // the pinned Electron is not one of the newest three majors in scripts/electron-support.json.
  'AvailableSecurityFixesGlobalCheck',
];

/**
 * The scanner reads its messages through a global `__`, which its own setup fills after asking
 * GitHub for newer translations (twice a run, each a timeout offline). Its bundled English
 * messages are all it needs: the setup is replaced by one that reads only those.
 */
function useOfflineMessages() {
  const setupPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = createRequire(setupPath)('i18n');
  const offline = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(setupPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  require(setupPath);
  require.cache[setupPath].exports = offline;
}

const EXCLUDED = process.env.SCAN_ALL ? [] : EXCLUDED_ALL;
const workDir = mkdtempSync(join(tmpdir(), 'trailcase-scan-'));
try {
  // Folders to scan: main/ and renderer/ together, or the ones named on the command line (tests).
  const parts = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['main', 'renderer'];
  for (const part of parts) cpSync(part, join(workDir, basename(part)), { recursive: true });
  cpSync('package.json', join(workDir, 'package.json'));
  useOfflineMessages();
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const { issues, errors } = await run(
    {
      input: workDir,
      customScan: [],
      excludeFromScan: EXCLUDED.map((check) => check.toLowerCase()),
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const unparsed = errors.filter((error) => !error.tolerable);
  for (const error of unparsed) process.stderr.write(`electronegativity: could not parse ${error.file}: ${error.message}\n`);
  const findings = issues.filter((issue) => !issue.id.includes('ELECTRON_VERSION'));
  for (const issue of findings) {
    const file = issue.file.replace(workDir, '').replace(/^\//, '');
    process.stderr.write(`electronegativity: ${issue.id} at ${file}:${issue.location?.line ?? '?'}: ${issue.description ?? ''}\n`);
  }
  process.stderr.write(
    `electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${unparsed.length} unparsed file(s) in ${parts.join(', ')}\n`,
  );
  process.exitCode = findings.length === 0 && unparsed.length === 0 ? 0 : 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
