import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of STYLE.md 1, read from the real files rather than from the lint config (which a
 * change could loosen): every import, export-from, dynamic import and require of every source
 * file, parsed by TypeScript and resolved to where it points.
 */
const root = resolve(__dirname, '../../..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** Packages that need Node or a DOM: shared/ runs in both, so it may import neither. */
const runtimeOnly = [/^electron(\/|$)/, /^react(-dom)?(\/|$)/, /^@aws-sdk\//, /^@smithy\//, /^@duckdb\//, /^jira\.js/, /^write-file-atomic/, /^env-paths/, /^commander/, /^cli-progress/, /^better-sqlite3/, /^csv-stringify(?!\/browser\/)/];

interface Import {
  file: string;
  spec: string;
  /** The repository path it points to (relative imports), or null for a package. */
  target: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(dir: string): Import[] {
  return sourceFiles(dir).flatMap((file) =>
    ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true).importedFiles.map(({ fileName: spec }) => ({
      file,
      spec,
      target: spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : null,
    })),
  );
}

const isBuiltin = (spec: string) => builtins.has(spec) || spec.startsWith('node:');
const show = (found: Import[]) => found.map(({ file, spec }) => `${file} imports ${spec}`);

describe('imports of the real source tree', () => {
  const shared = importsOf('shared');
  const renderer = importsOf('renderer');
  const main = importsOf('main');

  it('reads enough of each layer to mean something', () => {
    expect(new Set(shared.map((entry) => entry.file)).size).toBeGreaterThan(20);
    expect(new Set(renderer.map((entry) => entry.file)).size).toBeGreaterThan(20);
    expect(new Set(main.filter((entry) => entry.file.startsWith('main/services/')).map((entry) => entry.file)).size).toBeGreaterThan(20);
  });

  it('shared/ imports no Node module, no Electron, no DOM-only package, and nothing outside shared/', () => {
    const wrong = shared.filter(({ spec, target }) =>
      target === null ? isBuiltin(spec) || runtimeOnly.some((pattern) => pattern.test(spec)) : !target.startsWith('shared/'),
    );
    expect(show(wrong)).toEqual([]);
  });

  it('main/services/ never imports electron, nor the Electron layer', () => {
    const wrong = main.filter(
      ({ file, spec, target }) => file.startsWith('main/services/') && (/^electron(\/|$)/.test(spec) || (target?.startsWith('main/electron') ?? false)),
    );
    expect(show(wrong)).toEqual([]);
  });

  it('only main/electron/ imports electron', () => {
    const wrong = main.filter(({ file, spec }) => !file.startsWith('main/electron/') && /^electron(\/|$)/.test(spec));
    expect(show(wrong)).toEqual([]);
  });

  it('the renderer imports no main/ code and no Node or Electron module', () => {
    const wrong = renderer.filter(({ spec, target }) => (target === null ? isBuiltin(spec) || /^electron(\/|$)/.test(spec) : target.startsWith('main/') || target === 'main'));
    expect(show(wrong)).toEqual([]);
  });

  it('main/ imports no renderer code', () => {
    expect(show(main.filter(({ target }) => target?.startsWith('renderer/') ?? false))).toEqual([]);
  });
});
