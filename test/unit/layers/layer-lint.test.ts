import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rules that keep layers apart: first on the real source tree (nothing there breaks
 * them), then on wrong snippets (the rules do refuse what they are meant to refuse).
 */
const eslint = new ESLint();
const layerRules = /^(no-restricted-imports|no-restricted-globals|no-restricted-syntax)$/;

describe('the real source tree', () => {
  it('breaks no layer rule in shared/, main/ or renderer/', async () => {
    const results = await eslint.lintFiles(['shared', 'main', 'renderer']);
    expect(results.filter((result) => result.filePath.includes('/shared/')).length).toBeGreaterThan(20);
    expect(results.filter((result) => result.filePath.includes('/renderer/')).length).toBeGreaterThan(20);
    expect(results.filter((result) => result.filePath.includes('/main/services/')).length).toBeGreaterThan(20);
    const broken = results.flatMap((result) =>
      result.messages.filter((message) => layerRules.test(message.ruleId ?? '')).map((message) => `${result.filePath}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    expect(broken).toEqual([]);
  }, 120_000);
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer rules', () => {
  it.each([
    ["import { readFile } from 'node:fs';"],
    ["import { join } from 'path';"],
    ["import { app } from 'electron';"],
    ["import { createServer } from '../../main/web/server';"],
    ["import { useState } from 'react';"],
  ])('refuse `%s` in shared/', async (line) => {
    expect((await problems('shared/records/wrong.ts', `${line}\nexport const x = 1;\n`)).join('\n')).toContain('no-restricted-imports');
  });

  it('refuses DOM and Node globals in shared/', async () => {
    expect((await problems('shared/records/wrong.ts', 'export const x = window.location;\n')).join('\n')).toContain('no-restricted-globals');
  });

  it('refuses main/ code and Node in the renderer', async () => {
    expect((await problems('renderer/features/wrong.ts', "import { listProfiles } from '../../main/services/aws/profiles';\nexport const x = listProfiles;\n")).join('\n')).toContain(
      'no-restricted-imports',
    );
    expect((await problems('renderer/features/wrong.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n")).join('\n')).toContain('no-restricted-imports');
  });

  it('refuses electron outside the thin Electron layer of main/', async () => {
    expect((await problems('main/services/wrong.ts', "import { app } from 'electron';\nexport const x = app;\n")).join('\n')).toContain('no-restricted-imports');
    expect(await problems('main/electron/fine.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  it('refuses markup from strings anywhere', async () => {
    const found = await problems('renderer/features/wrong.tsx', 'export const X = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n');
    expect(found.join('\n')).toContain('no-restricted-syntax');
    expect((await problems('renderer/features/wrong.ts', 'export function f(e: HTMLElement, s: string) { e.innerHTML = s; }\n')).join('\n')).toContain('no-restricted-syntax');
  });

  it('accepts shared code that imports shared code', async () => {
    expect(await problems('shared/records/fine.ts', "import { z } from 'zod';\nimport type { ErrorCode } from '../api/errors';\nexport const x = z.string();\nexport type Y = ErrorCode;\n")).toEqual([]);
  });
});
