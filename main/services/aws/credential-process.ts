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
  options: { profile: string; sourceOf?: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal },
): Promise<AwsCredentialIdentity> {
  // The profile named in every message; a role's source_profile says whose source it is.
  const who = `profile "${options.profile}"${options.sourceOf ? ` (the source of profile "${options.sourceOf}")` : ''}`;
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
          `The credential_process of ${who} did not answer within ${Math.round(options.timeoutMs / 1000)} s and was stopped.`,
        ),
      );
    }, options.timeoutMs);
    const onAbort = () => {
      kill();
      finish(new ApiError('CANCELLED', `Getting credentials for ${who} was cancelled.`));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 64_000) stdout += chunk;
    });
    child.stderr.resume();
    child.on('error', () => finish(new ApiError('CREDENTIALS_MISSING', `The credential_process of ${who} could not be started.`)));
    child.on('close', (code) => {
      if (code !== 0)
        return finish(
          new ApiError(
            'CREDENTIALS_MISSING',
            `The credential_process of ${who} failed (exit status ${code ?? 'killed'}): fix the command, then Retry.`,
          ),
        );
      // This runs in the child's `close` listener: a throw here would be uncaught and end the
      // whole host (every api call, a token typed in the browser), so it becomes the rejection.
      let credentials: AwsCredentialIdentity;
      try {
        credentials = parseProcessOutput(stdout, who);
      } catch (error) {
        return finish(error instanceof ApiError ? error : unreadableOutput(who));
      }
      finish(null, credentials);
    });
  });
}

const fixIt =
  'fix the command (it must print {"Version": 1, "AccessKeyId": …, "SecretAccessKey": …} and an Expiration still to come), then Retry.';

function unreadableOutput(who: string): ApiError {
  return new ApiError('CREDENTIALS_MISSING', `The credential_process of ${who} printed something that is not JSON: ${fixIt}`);
}

/** Reads the helper's output; its text is never quoted back (it holds secrets). */
function parseProcessOutput(text: string, who: string): AwsCredentialIdentity {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw unreadableOutput(who);
  }
  const { Version, AccessKeyId, SecretAccessKey, SessionToken, Expiration, AccountId } = (value ?? {}) as Record<string, unknown>;
  if (Version !== 1 || typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string') {
    throw new ApiError(
      'CREDENTIALS_MISSING',
      `The credential_process of ${who} printed JSON without Version 1, AccessKeyId and SecretAccessKey: ${fixIt}`,
    );
  }
  const expiration = Expiration === undefined || Expiration === null ? undefined : new Date(String(Expiration));
  if (expiration && Number.isNaN(expiration.getTime())) {
    throw new ApiError('CREDENTIALS_MISSING', `The credential_process of ${who} printed an Expiration that is not a date: ${fixIt}`);
  }
  if (expiration && expiration.getTime() <= Date.now()) {
    throw new ApiError(
      'CREDENTIALS_EXPIRED',
      `The credential_process of ${who} printed credentials that expired at ${expiration.toISOString()}: ${fixIt}`,
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
