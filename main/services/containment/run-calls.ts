import { randomBytes } from 'node:crypto';

import { isApiError } from '../../../shared/api/errors';
import type { LoggedCall } from '../../../shared/containment/audit';
import type { ContainedIdentity, IamCall } from '../../../shared/containment/types';
import { redactCall } from '../../../shared/containment/undo';
import type { AuditLogFile } from './audit-log';
import type { ContainmentIam } from './containment-iam';

/** A record id: the time and a random part (`c-20261202T043000Z-1a2b3c4d`; `u-…` for an undo). */
export function newRecordId(at: Date, prefix = 'c'): string {
  return `${prefix}-${at.toISOString().replace(/[-:]|\.\d+/g, '')}-${randomBytes(4).toString('hex')}`;
}

/** A call's error as logged and shown: AWS's code (AccessDenied, LimitExceeded…) and its words. */
export function callError(error: unknown): { code: string; message: string } {
  if (isApiError(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: error.name, message: error.message.replace(/\s+/g, ' ').slice(0, 500) };
  return { code: 'Error', message: String(error).slice(0, 500) };
}

/** Why the identity is not the one planned on, or null when it still is (same unique id). */
export async function identityChanged(iam: ContainmentIam, planned: ContainedIdentity, signal?: AbortSignal): Promise<string | null> {
  const current = await iam.getIdentity(planned.kind, planned.name, signal);
  const what = `${planned.kind === 'user' ? 'User' : 'Role'} ${planned.name}`;
  if (!current) return `${what} (${planned.uniqueId}) no longer exists. Nothing was changed.`;
  if (current.uniqueId !== planned.uniqueId) {
    return (
      `${what} now has unique id ${current.uniqueId}, not ${planned.uniqueId} as planned: it was deleted and created again, ` +
      'and the new one is never acted on for the old one. Nothing was changed. Look at the new identity first, then plan again.'
    );
  }
  return null;
}

/**
 * Sends the calls in order, each announced by an intent line and followed by a result line in the
 * audit log. Stops at the first failure: what follows a failed step is not sent on a guess.
 */
export async function runLoggedCalls(iam: ContainmentIam, log: AuditLogFile, id: string, calls: IamCall[], signal?: AbortSignal): Promise<LoggedCall[]> {
  const done: LoggedCall[] = [];
  for (const [index, call] of calls.entries()) {
    const seq = index + 1;
    const shown = redactCall(call);
    log.append({ id, type: 'intent', seq, call: shown });
    try {
      await iam.send(call, signal);
      log.append({ id, type: 'result', seq, ok: true });
      done.push({ seq, call: shown, outcome: 'ok' });
    } catch (error) {
      const shape = callError(error);
      log.append({ id, type: 'result', seq, ok: false, error: shape });
      done.push({ seq, call: shown, outcome: 'failed', error: shape });
      break;
    }
  }
  return done;
}
