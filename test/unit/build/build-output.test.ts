import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { metaContentSecurityPolicy } from '../../../main/security/csp';

/**
 * What only Electron would reveal, checked on the build (`npm run build` runs before the tests
 * in `npm test`): a CommonJS preload that needs nothing but `electron`, `main` pointing at the
 * built main file, the CSP inside the built page, and electron-builder packing the build.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; bin: Record<string, string>; type: string };

describe('the build', () => {
  it('exists (run `npm run build` first)', () => {
    expect(existsSync('out/main/index.cjs'), 'out/main/index.cjs is missing: run `npm run build`').toBe(true);
  });

  it('emits the preload as one CommonJS file that requires only electron', () => {
    expect(readdirSync('out/preload')).toEqual(['index.cjs']);
    const preload = readFileSync('out/preload/index.cjs', 'utf8');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
  });

  it('points package.json main and bin at built files', () => {
    expect(pkg.main).toBe('out/main/index.cjs');
    expect(existsSync(pkg.main)).toBe(true);
    expect(existsSync(pkg.bin.trailcase!)).toBe(true);
  });

  it('carries the CSP of main/security/csp.ts in the built page, with no inline script', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/g)].map((match) => match[1]);
    expect(metas).toEqual([metaContentSecurityPolicy]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('loads the page from app://, never file://, and serves it from the renderer folder', () => {
    const main = readFileSync('out/main/index.cjs', 'utf8');
    expect(main).toContain('app://trailcase/index.html');
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).not.toMatch(/loadFile\(/);
    expect(main).toContain('../renderer');
  });

  it('has electron-builder pack exactly the built output, the bundled enrichment table and package.json', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { files: string[]; protocols: Array<{ schemes: string[] }> };
    expect(config.files.filter((entry) => !entry.startsWith('!'))).toEqual(['out/**/*', 'resources/intel/**/*', 'package.json']);
    expect(config.protocols[0]?.schemes).toEqual(['trailcase']);
    for (const part of ['out/main', 'out/preload', 'out/renderer']) expect(existsSync(part)).toBe(true);
  });

  it('emits the analysis worker next to the main files, free of electron, and resolves it from there', () => {
    expect(existsSync('out/main/analysis-worker.cjs')).toBe(true);
    const worker = readFileSync('out/main/analysis-worker.cjs', 'utf8');
    expect(worker).toContain('parentPort');
    expect(worker).not.toMatch(/require\(["']electron["']\)/);
    // The runner looks for the worker next to the file it is bundled in, or one folder up (chunks/).
    const mains = ['out/main/index.cjs', 'out/main/cli.cjs', ...readdirSync('out/main/chunks').map((name) => `out/main/chunks/${name}`)];
    expect(mains.some((file) => readFileSync(file, 'utf8').includes('analysis-worker.cjs'))).toBe(true);
  });

  it('points the window at the preload the build emits', () => {
    const main = readFileSync('out/main/index.cjs', 'utf8');
    expect(main).toContain('../preload/index.cjs');
    expect(existsSync(join('out/main', '../preload/index.cjs'))).toBe(true);
  });
});
