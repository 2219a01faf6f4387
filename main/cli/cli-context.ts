import { createInterface } from 'node:readline/promises';

import envPaths from 'env-paths';

import { ApiError } from '../../shared/api/errors';
import { terminalText } from '../../shared/display/visible-text';
import type { HostContext } from '../hosts/host-context';
import { createMemorySecretStore } from '../services/secrets/secret-store';

/**
 * The CLI's host context: the user's data and cache folders (env-paths), secrets from the
 * environment only, and MFA codes asked on the terminal (stderr, so stdout stays clean).
 */
export function createCliContext(options: { cacheDir?: string; dataDir?: string } = {}): HostContext {
  const paths = envPaths('trailcase', { suffix: '' });
  return {
    kind: 'cli',
    env: process.env,
    dataDir: options.dataDir ?? process.env.TRAILCASE_DATA_DIR ?? paths.data,
    cacheDir: options.cacheDir ?? process.env.TRAILCASE_CACHE_DIR ?? paths.cache,
    emit: () => {},
    askMfaCode: askOnTerminal,
    secrets: createMemorySecretStore(),
    openExternal: async () => false,
    takePendingDeepLink: () => null,
  };
}

async function askOnTerminal(request: { profile: string; mfaSerial: string }, signal?: AbortSignal): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new ApiError('MFA_REQUIRED', `Profile "${request.profile}" needs an MFA code (${request.mfaSerial}), and there is no terminal to ask for it.`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(terminalText(`MFA code for ${request.mfaSerial}: `), signal ? { signal } : {});
    const code = answer.trim();
    if (!/^\d{6}$/.test(code)) throw new ApiError('MFA_REQUIRED', 'An MFA code is six digits.');
    return code;
  } finally {
    prompt.close();
  }
}
