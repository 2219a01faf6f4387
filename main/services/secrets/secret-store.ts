/**
 * Where secrets (the Jira API token) live. The desktop app encrypts them with Electron's
 * safeStorage; where that is plain text (Linux without a keyring) they stay in memory only.
 */
export interface SecretStore {
  /** Whether a stored secret survives a restart (false: memory only, with a warning). */
  readonly persistent: boolean;
  /** A warning to show the analyst about how secrets are kept, or null. */
  readonly warning: string | null;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Secrets kept in this process's memory only: gone when it exits. */
export function createMemorySecretStore(warning: string | null = null): SecretStore {
  const values = new Map<string, string>();
  return {
    persistent: false,
    warning,
    async get(name) {
      return values.get(name) ?? null;
    },
    async set(name, value) {
      values.set(name, value);
    },
    async delete(name) {
      values.delete(name);
    },
  };
}
