// `npm run --silent cli -- <command>`: runs the built CLI, building first when the sources are
// newer than the build. Build output goes to stderr so stdout holds only the command's output.
import { spawn, spawnSync } from 'node:child_process';
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
// The CLI runs as a child that shares the terminal, so Ctrl+C reaches it too. This wrapper waits
// for it (it keeps what it fetched and exits 4 when interrupted) and passes its exit code on.
const child = spawn(process.execPath, [built, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A signal sent to this process alone (not the terminal's group) is passed on to the CLI.
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 4 : 1)));
