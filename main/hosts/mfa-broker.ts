import { randomUUID } from 'node:crypto';

import { ApiError } from '../../shared/api/errors';
import type { StreamMessage } from '../../shared/api/stream';

/**
 * Asks a renderer for an MFA code and waits for its answer. The code travels only from the
 * `answerMfa` call to the credential provider; it is never stored or logged. A prompt nobody
 * answers (the window was closed, the analyst walked away) gives up after `timeoutMs`, so the
 * fetch waiting on it fails with a clear message instead of hanging.
 */
export function createMfaBroker(emit: (message: StreamMessage) => void, options: { timeoutMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const waiting = new Map<string, { resolve: (code: string) => void; reject: (error: Error) => void }>();

  function ask(request: { profile: string; mfaSerial: string }, signal?: AbortSignal): Promise<string> {
    const requestId = randomUUID();
    return new Promise<string>((resolve, reject) => {
      const settle = () => {
        waiting.delete(requestId);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        emit({ type: 'mfa.settled', requestId });
      };
      const onAbort = () => {
        settle();
        reject(new ApiError('CANCELLED', 'The MFA prompt was cancelled.'));
      };
      const timer = setTimeout(() => {
        settle();
        reject(new ApiError('MFA_REQUIRED', `No MFA code was entered for profile "${request.profile}" within ${Math.round(timeoutMs / 60_000)} minutes. Retry and enter the code from your device.`));
      }, timeoutMs);
      timer.unref();
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.set(requestId, {
        resolve: (code) => {
          settle();
          resolve(code);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      emit({ type: 'mfa.request', requestId, profile: request.profile, mfaSerial: request.mfaSerial });
    });
  }

  function answer(requestId: string, code: string | null): void {
    const pending = waiting.get(requestId);
    if (!pending) throw new ApiError('NOT_FOUND', 'That MFA prompt is no longer waiting for a code.');
    if (code === null) pending.reject(new ApiError('MFA_REQUIRED', 'An MFA code is needed to use this profile. Retry and enter the code from your device.'));
    else pending.resolve(code);
  }

  return { ask, answer };
}

export type MfaBroker = ReturnType<typeof createMfaBroker>;
