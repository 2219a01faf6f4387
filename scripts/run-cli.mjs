// `npm run --silent cli -- <command>`: runs the built CLI, building first when the sources are
// newer than the build. Build output goes to stderr so stdout holds only the command's output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = join('out', 'main', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(built) ||
  !existsSync(join('out', 'renderer', 'index.html')) ||
  Math.max(...['main', 'shared', 'renderer'].map(newestSource), statSync('package.json').mtimeMs) > statSync(built).mtimeMs;
if (stale) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(1);
}
const result = spawnSync(process.execPath, [built, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? (result.signal ? 4 : 1));
