import { spawn } from 'node:child_process';

import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';

/**
 * Runs a profile's `credential_process` with a time limit and a cancel signal: a hung helper is
 * killed with its whole process group, so it can never hang a fetch. Its output is credentials
 * and is never logged; on failure only its exit status is reported.
 */
export function runCredentialProcess(
  command: string,
  options: { profile: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal },
): Promise<AwsCredentialIdentity> {
  const { profile } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, detached: true, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let settled = false;
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const finish = (error: ApiError | null, value?: AwsCredentialIdentity) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(value!);
    };
    const timer = setTimeout(() => {
      kill();
      finish(
        new ApiError(
          'CREDENTIALS_MISSING',
          `The credential_process of profile "${profile}" did not answer within ${Math.round(options.timeoutMs / 1000)} s and was stopped.`,
        ),
      );
    }, options.timeoutMs);
    const onAbort = () => {
      kill();
      finish(new ApiError('CANCELLED', `Getting credentials for profile "${profile}" was cancelled.`));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 64_000) stdout += chunk;
    });
    child.stderr.resume();
    child.on('error', () =>
      finish(new ApiError('CREDENTIALS_MISSING', `The credential_process of profile "${profile}" could not be started.`)),
    );
    child.on('close', (code) => {
      if (code !== 0)
        return finish(
          new ApiError('CREDENTIALS_MISSING', `The credential_process of profile "${profile}" failed (exit status ${code ?? 'killed'}).`),
        );
      finish(null, parseProcessOutput(stdout, profile));
    });
  });
}

function parseProcessOutput(text: string, profile: string): AwsCredentialIdentity {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ApiError('CREDENTIALS_MISSING', `The credential_process of profile "${profile}" did not print JSON credentials.`);
  }
  const { Version, AccessKeyId, SecretAccessKey, SessionToken, Expiration, AccountId } = value;
  if (Version !== 1 || typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string') {
    throw new ApiError(
      'CREDENTIALS_MISSING',
      `The credential_process of profile "${profile}" printed JSON without Version 1, AccessKeyId and SecretAccessKey.`,
    );
  }
  const expiration = typeof Expiration === 'string' ? new Date(Expiration) : undefined;
  if (expiration && (Number.isNaN(expiration.getTime()) || expiration.getTime() < Date.now())) {
    throw new ApiError(
      'CREDENTIALS_EXPIRED',
      `The credential_process of profile "${profile}" returned credentials that have already expired.`,
    );
  }
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    ...(typeof SessionToken === 'string' ? { sessionToken: SessionToken } : {}),
    ...(expiration ? { expiration } : {}),
    ...(typeof AccountId === 'string' ? { accountId: AccountId } : {}),
  };
}
