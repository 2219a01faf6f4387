import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Promise 6 on the desktop: the Jira token is kept with safeStorage, and where safeStorage would
 * only obfuscate (Linux `basic_text`, or no encryption) it stays in memory for the session, with
 * a warning. `electron` is mocked (the real module needs its binary); its "encryption" here is a
 * reversible transform, enough to tell a clear token from a blob.
 */
const electron = vi.hoisted(() => ({
  safeStorage: {
    backend: 'gnome_libsecret',
    available: true,
    isEncryptionAvailable: () => electron.safeStorage.available,
    getSelectedStorageBackend: () => electron.safeStorage.backend,
    encryptString: (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (blob: Buffer) => [...blob.toString().slice(4)].reverse().join(''),
  },
}));
vi.mock('electron', () => electron);

const token = 'CANARYsafeStorageToken0123456789';
const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
let dataDir: string;

beforeAll(() => Object.defineProperty(process, 'platform', { value: 'linux' }));
afterAll(() => Object.defineProperty(process, 'platform', platform));
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trailcase-secrets-'));
  electron.safeStorage.backend = 'gnome_libsecret';
  electron.safeStorage.available = true;
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function store() {
  const { createSafeStorageSecrets } = await import('../../../main/electron/safe-storage-secrets');
  return createSafeStorageSecrets(dataDir);
}

describe('the desktop secret store', () => {
  it('keeps the token only as an encrypted blob on disk, and reads it back', async () => {
    const secrets = await store();
    await secrets.set('jira', token);
    expect(secrets.persistent).toBe(true);
    const files = readdirSync(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect(readFileSync(join(dataDir, name), 'utf8')).not.toContain(token);
    expect(await (await store()).get('jira')).toBe(token);
  });

  it.each([
    ['the basic_text backend', 'basic_text', true],
    ['an unknown backend', 'unknown', true],
    ['no encryption at all', 'gnome_libsecret', false],
  ])('with %s keeps the token in memory only, writes nothing and warns', async (_name, backend, available) => {
    electron.safeStorage.backend = backend;
    electron.safeStorage.available = available;
    const secrets = await store();
    await secrets.set('jira', token);
    expect(secrets.persistent).toBe(false);
    expect(secrets.warning).toMatch(/memory/);
    expect(readdirSync(dataDir)).toEqual([]);
    expect(await secrets.get('jira')).toBe(token);
  });
});
