import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The fuses electron-builder flips in the packaged binary (@electron/fuses): they are read here
 * from electron-builder.yml, and each key is checked against electron-builder's own schema, so a
 * misspelt fuse (which electron-builder would ignore) fails.
 */
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, unknown>; asar?: unknown };
const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

describe('the packaged fuses', () => {
  it('give file:// pages no extra privileges (the page is served from app://)', () => {
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('refuse running as Node, NODE_OPTIONS and --inspect', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('load the app only from an integrity-checked asar, which is packed', () => {
    expect(config.electronFuses).toMatchObject({ onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true });
    expect(config.asar).not.toBe(false);
  });

  it('are all fuses electron-builder knows', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(known).toContain('grantFileProtocolExtraPrivileges');
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known, key).toContain(key);
  });
});
