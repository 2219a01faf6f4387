import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder, found by walking up from this module: the same code runs from
 * source (tsx, tests) and bundled (out/main), at different depths.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'trailcase') return dir;
    dir = dirname(dir);
  }
  throw new Error('Cannot find the trailcase package root');
}

let cachedVersion: string | null = null;

/** The app's version, from package.json. */
export function appVersion(): string {
  cachedVersion ??= JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
  return cachedVersion;
}
