// The Electron support gate (issue 14), offline: Electronegativity's own check downloads the
// release list at each run, which build machines cannot. This one fails when the pinned Electron
// is not one of the newest three stable majors listed in scripts/electron-support.json (Electron
// fixes only those), when package.json's pin is not exact or not what is installed, or when so
// much time has passed since the list was reviewed that the pinned major has probably left
// support (a new major every 8 weeks pushes the oldest out).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Electron ships a stable major about every 8 weeks; each one pushes the oldest of three out. */
export const DAYS_PER_MAJOR = 56;

/**
 * Decides whether `pinned` (package.json's electron) may ship. Returns the problems, each a
 * sentence saying what is wrong and what to do; none means it passes.
 */
export function checkElectronSupport({ pinned, installed, support, today }) {
  const problems = [];
  const fix =
    'Bump it: `npm install --save-exact --save-dev electron@<newest stable of a supported major>` (see scripts/electron-support.json).';
  const majors = Array.isArray(support?.supportedMajors) ? support.supportedMajors.filter(Number.isInteger) : [];
  if (majors.length < 3)
    problems.push('scripts/electron-support.json must list the newest three supported Electron majors in supportedMajors.');
  if (!/^\d+\.\d+\.\d+$/.test(pinned ?? ''))
    problems.push(`package.json pins electron as "${pinned}": pin one exact stable version (no range, no pre-release).`);
  else {
    const major = Number(pinned.split('.')[0]);
    const newest = [...majors].sort((a, b) => b - a).slice(0, 3);
    if (newest.length > 0 && major > newest[0]) {
      problems.push(
        `Electron ${pinned} is newer than the newest major listed (${newest[0]}): update scripts/electron-support.json with this bump (its major first, drop the oldest, set updated to today).`,
      );
    } else if (newest.length > 0 && !newest.includes(major)) {
      problems.push(
        `Electron ${pinned} is out of support: Electron fixes only its newest three majors (${newest.join(', ')}), so this Chromium gets no security fixes. ${fix}`,
      );
    }
    if (installed !== undefined && installed !== pinned)
      problems.push(`node_modules holds Electron ${installed} but package.json pins ${pinned}: run \`npm ci\`.`);
  }
  const updated = Date.parse(`${support?.updated ?? ''}T00:00:00Z`);
  if (Number.isNaN(updated)) problems.push('scripts/electron-support.json needs an "updated" date (YYYY-MM-DD).');
  else if (problems.length === 0) {
    // The pinned major leaves support once enough new majors shipped to push it out of the
    // newest three: three more for the newest listed, one more for the oldest.
    const major = Number(pinned.split('.')[0]);
    const newerOrSame = majors.filter((listed) => listed >= major).length;
    const left = 4 - newerOrSame;
    const ageDays = Math.floor((Date.parse(`${today}T00:00:00Z`) - updated) / 86_400_000);
    if (ageDays > left * DAYS_PER_MAJOR) {
      problems.push(
        `scripts/electron-support.json was reviewed on ${support.updated}, ${ageDays} days ago: about ${left} new Electron major(s) have shipped since, so Electron ${major} has probably left support. Check https://releases.electronjs.org/schedule, update supportedMajors and updated, and bump Electron if ${major} is no longer among the newest three.`,
      );
    }
  }
  return problems;
}

function main() {
  const require = createRequire(import.meta.url);
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  // --version, --support and --today let a test try a version that must fail.
  const supportFile = option('--support') ?? fileURLToPath(new URL('./electron-support.json', import.meta.url));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const pinned = option('--version') ?? pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const installed = option('--version') ? undefined : require('electron/package.json').version;
  const support = JSON.parse(readFileSync(supportFile, 'utf8'));
  const today = option('--today') ?? new Date().toISOString().slice(0, 10);
  const problems = checkElectronSupport({ pinned, installed, support, today });
  for (const problem of problems) process.stderr.write(`electron support: ${problem}\n`);
  if (problems.length === 0)
    process.stderr.write(
      `electron support: Electron ${pinned} is a supported major (${support.supportedMajors.join(', ')}; list reviewed ${support.updated}).\n`,
    );
  process.exitCode = problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
