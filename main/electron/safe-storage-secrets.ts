import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { safeStorage } from 'electron';
import writeFileAtomic from 'write-file-atomic';

import type { SecretStore } from '../services/secrets/secret-store';
import { createMemorySecretStore } from '../services/secrets/secret-store';

/**
 * Secrets encrypted with the OS keychain through safeStorage, in one file of encrypted blobs.
 * Where safeStorage would only obfuscate (Linux with the `basic_text` backend, or no keyring),
 * secrets are kept in memory for the session, and the analyst is told.
 */
export function createSafeStorageSecrets(dataDir: string): SecretStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text' || backend === 'unknown') {
    return createMemorySecretStore('No system keyring is available, so the Jira token is kept in memory only and asked again after a restart.');
  }
  const file = join(dataDir, 'secrets.json');
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (values: Record<string, string>) => writeFileAtomic(file, JSON.stringify(values), { mode: 0o600 });
  return {
    persistent: true,
    warning: null,
    async get(name) {
      const blob = read()[name];
      return blob ? safeStorage.decryptString(Buffer.from(blob, 'base64')) : null;
    },
    async set(name, value) {
      await write({ ...read(), [name]: safeStorage.encryptString(value).toString('base64') });
    },
    async delete(name) {
      const values = read();
      delete values[name];
      await write(values);
    },
  };
}
