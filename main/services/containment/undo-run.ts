import { randomInt } from 'node:crypto';

import { ApiError } from '../../../shared/api/errors';
import type { AuditRecord } from '../../../shared/containment/audit';
import type { ContainmentOutcome } from '../../../shared/containment/schemas';
import type { ActionPlan, ContainmentPlan } from '../../../shared/containment/types';
import { planUndoAction, redactCall } from '../../../shared/containment/undo';
import { verifyRestored } from '../../../shared/containment/verify';
import type { AuditLogFile } from './audit-log';
import type { ContainmentIam } from './containment-iam';
import { readState } from './containment-iam';
import { identityChanged, newRecordId, runLoggedCalls } from './run-calls';

export interface UndoDeps {
  iamFor(profile: string, signal?: AbortSignal): Promise<ContainmentIam>;
  now: () => Date;
  log: AuditLogFile;
  newPassword?: () => string;
}

const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*()-_=+[]{}'];

/** A 24-character password with every character class, which meets any account password policy up to 24. */
export function generatePassword(length = 24): string {
  const all = classes.join('');
  const chars = classes.map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** The run's plan cut to the calls it announced (an intent line): those after a failure were never sent. */
function sentPlan(plan: ContainmentPlan, announced: number): ContainmentPlan {
  let left = announced;
  const actions = plan.actions.map((action): ActionPlan => {
    const calls = action.calls.slice(0, Math.max(0, left));
    left -= calls.length;
    return { ...action, calls };
  });
  return { ...plan, actions };
}

function undoable(records: AuditRecord[], id: string): AuditRecord {
  const record = records.find((r) => r.id === id);
  if (!record) throw new ApiError('NOT_FOUND', `There is no containment record ${id} in the audit log. The id is printed by each run (c-…).`);
  if (record.begin.kind === 'undo') throw new ApiError('BAD_INPUT', `${id} is an undo. To act on the identity again, run contain again.`);
  if (record.calls.length === 0) throw new ApiError('BAD_INPUT', `${id} sent no call (${record.status}): there is nothing to undo.`);
  const undone = records.find((r) => r.begin.undoOf === id && r.status === 'done');
  if (undone) throw new ApiError('CONFLICT', `${id} was already undone by ${undone.id} at ${undone.begin.at}.`);
  return record;
}

/** The undo of a record as it would go now: the plan shown (password redacted) and the calls to send. */
async function planUndoNow(deps: UndoDeps, id: string, options: { profile?: string }, signal?: AbortSignal) {
  const record = undoable(deps.log.read().records, id);
  const profile = options.profile ?? record.begin.profile;
  const iam = await deps.iamFor(profile, signal);
  const original = sentPlan(record.begin.plan, record.calls.length);
  const { identity } = original;
  const at = deps.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const changed = await identityChanged(iam, identity, signal);
  if (changed) return { profile, iam, original, plan: { identity, at, actions: [], before: {} }, calls: [], password: '', refused: changed };
  const actions = original.actions.map((action) => action.action);
  const now = await readState(iam, identity, actions, signal);
  const password = (deps.newPassword ?? generatePassword)();
  const undoCalls = original.actions.map((action) => planUndoAction(action, { plan: original, now, newPassword: password }));
  const plan: ContainmentPlan = {
    identity,
    at,
    before: now,
    actions: original.actions.map((action, index) => ({
      action: action.action,
      calls: undoCalls[index]!.map(redactCall),
      affects: undoCalls[index]!.length ? [`Puts back what ${id} changed for ${action.action}.`] : [],
      notes: undoCalls[index]!.length ? [] : ['Already as before: nothing to do.'],
      reversibility: { kind: 'reversible', how: 'Run contain again to act again.' },
      recorded: ['the state before the undo'],
    })),
  };
  return { profile, iam, original, plan, calls: undoCalls.flat(), password, refused: null };
}

/** What undo would send now, without sending anything (the CLI's `--undo ID` without `--yes`, the app's preview). */
export async function previewUndo(deps: UndoDeps, id: string, options: { profile?: string }, signal?: AbortSignal): Promise<{ plan: ContainmentPlan; refused: string | null }> {
  const { plan, refused } = await planUndoNow(deps, id, options, signal);
  return { plan, refused };
}

/**
 * Undo in one step: the calls that bring back the state recorded before the run, planned against
 * the state read now, on the same identity (its unique id checked again right before acting), then
 * read back and compared with the before-state. Logged like a run (intent and result around each call).
 */
export async function undoRun(deps: UndoDeps, id: string, options: { profile?: string }, signal?: AbortSignal): Promise<ContainmentOutcome> {
  const planned = await planUndoNow(deps, id, options, signal);
  const { profile, iam, original, plan } = planned;
  const undoId = newRecordId(deps.now(), 'u');
  deps.log.append({ id: undoId, type: 'begin', kind: 'undo', undoOf: id, profile, plan });
  const refuse = (message: string): ContainmentOutcome => {
    deps.log.append({ id: undoId, type: 'end', status: 'refused', message });
    return { id: undoId, kind: 'undo', undoOf: id, profile, plan, calls: [], checks: [], status: 'refused', message, undoCommand: null };
  };
  if (planned.refused) return refuse(planned.refused);
  const changed = await identityChanged(iam, plan.identity, signal);
  if (changed) return refuse(changed);
  const calls = await runLoggedCalls(iam, deps.log, undoId, planned.calls, signal);
  const failed = calls.find((call) => call.outcome === 'failed');
  const after = await readState(iam, plan.identity, original.actions.map((action) => action.action), signal);
  const checks = verifyRestored({ actions: original.actions, before: original.before }, after);
  deps.log.append({ id: undoId, type: 'verify', checks });
  const message = failed ? `${failed.call.api} failed (${failed.error?.code}): ${failed.error?.message} The calls after it were not sent; run the undo again.` : undefined;
  deps.log.append({ id: undoId, type: 'end', status: failed ? 'failed' : 'done', ...(message ? { message } : {}) });
  const created = calls.some((call) => call.call.api === 'CreateLoginProfile' && call.outcome === 'ok');
  return {
    id: undoId,
    kind: 'undo',
    undoOf: id,
    profile,
    plan,
    calls,
    checks,
    status: failed ? 'failed' : 'done',
    ...(message ? { message } : {}),
    undoCommand: null,
    ...(created ? { newPassword: planned.password } : {}),
  };
}
