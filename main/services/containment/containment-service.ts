import { ApiError } from '../../../shared/api/errors';
import { planCalls, planContainment, requestProblems } from '../../../shared/containment/plan';
import type { ContainmentRequest } from '../../../shared/containment/plan';
import type { ContainmentOutcome } from '../../../shared/containment/schemas';
import type { ContainedIdentity, ContainmentPlan } from '../../../shared/containment/types';
import { verifyOutcome } from '../../../shared/containment/verify';
import { createAuditLog } from './audit-log';
import type { ContainmentIam } from './containment-iam';
import { readState, simulateDenies } from './containment-iam';
import { callError, identityChanged, newRecordId, runLoggedCalls } from './run-calls';
import { previewUndo, undoRun } from './undo-run';

export interface ContainmentDeps {
  dataDir: string;
  /** The IAM of an acting profile (the analyst picks it; the investigating one stays read-only). */
  iamFor(profile: string, signal?: AbortSignal): Promise<ContainmentIam>;
  now?: () => Date;
  /** The console password an undo of disable-console creates (tests pass their own). */
  newPassword?: () => string;
}

/** Which identity and what to do to it; `expectedUniqueId` is the id the analyst saw in the preview. */
export interface ContainmentTarget extends ContainmentRequest {
  profile: string;
  kind: ContainedIdentity['kind'];
  name: string;
  expectedUniqueId?: string;
}

/** The CLI command that undoes a record. */
export const undoCommandOf = (id: string) => `trailcase contain --undo ${id} --yes`;

/**
 * Containment (DESIGN 2.7): a preview that reads and plans, a run that reads again, checks the
 * identity's unique id right before acting, sends exactly the planned calls (each logged before
 * and after), and reads back the outcome; undo puts back the before-state in one step.
 */
export function createContainmentService(deps: ContainmentDeps) {
  const now = deps.now ?? (() => new Date());
  const log = createAuditLog(deps.dataDir, now);
  // One run at a time: two runs on one identity would each record the other's changes as "before".
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  async function identityOf(iam: ContainmentIam, target: ContainmentTarget, signal?: AbortSignal): Promise<ContainedIdentity> {
    const identity = await iam.getIdentity(target.kind, target.name, signal);
    if (!identity) throw new ApiError('NOT_FOUND', `There is no ${target.kind} named ${target.name} in the account of profile ${target.profile}.`);
    return identity;
  }

  /** Reads the identity and its state, and plans; makes no mutating call. */
  async function preview(target: ContainmentTarget, signal?: AbortSignal): Promise<ContainmentPlan> {
    const iam = await deps.iamFor(target.profile, signal);
    const identity = await identityOf(iam, target, signal);
    const early = requestProblems(identity, target);
    if (early.length) throw new ApiError('BAD_INPUT', early.join(' '));
    const before = await readState(iam, identity, target.actions, signal);
    const problems = requestProblems(identity, target, before);
    if (problems.length) throw new ApiError('BAD_INPUT', problems.join(' '));
    // Whole seconds, as IAM's date conditions are written in AWS's examples.
    return planContainment(identity, target, before, now().toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }

  async function run(target: ContainmentTarget, signal?: AbortSignal): Promise<ContainmentOutcome> {
    const iam = await deps.iamFor(target.profile, signal);
    const plan = await preview(target, signal);
    const id = newRecordId(now());
    const base = { id, kind: 'run' as const, profile: target.profile, plan };
    log.append({ id, type: 'begin', kind: 'run', profile: target.profile, plan });
    const refuse = (message: string): ContainmentOutcome => {
      log.append({ id, type: 'end', status: 'refused', message });
      return { ...base, calls: [], checks: [], status: 'refused', message, undoCommand: null };
    };
    if (target.expectedUniqueId && target.expectedUniqueId !== plan.identity.uniqueId) {
      return refuse(
        `${plan.identity.name} is now ${plan.identity.uniqueId}, not ${target.expectedUniqueId} as previewed: it was deleted and created again. Nothing was changed. Look at the new identity first.`,
      );
    }
    // Right before acting: the name may have been given to a new identity since it was read.
    const changed = await identityChanged(iam, plan.identity, signal);
    if (changed) return refuse(changed);
    const calls = await runLoggedCalls(iam, log, id, planCalls(plan), signal);
    const failed = calls.find((call) => call.outcome === 'failed');
    const checks = await verify(iam, plan, signal);
    log.append({ id, type: 'verify', checks });
    const message = failed ? `${failed.call.api} failed (${failed.error?.code}): ${failed.error?.message} The calls after it were not sent.` : undefined;
    log.append({ id, type: 'end', status: failed ? 'failed' : 'done', ...(message ? { message } : {}) });
    return { ...base, calls, checks, status: failed ? 'failed' : 'done', ...(message ? { message } : {}), undoCommand: calls.length ? undoCommandOf(id) : null };
  }

  async function verify(iam: ContainmentIam, plan: ContainmentPlan, signal?: AbortSignal) {
    const actions = plan.actions.map((a) => a.action);
    try {
      const [after, simulations] = await Promise.all([readState(iam, plan.identity, actions, signal), simulateDenies(iam, plan.identity, actions, plan.at, signal)]);
      return verifyOutcome(plan, after, simulations);
    } catch (error) {
      const { code, message } = callError(error);
      return actions.map((action) => ({ action, ok: false, detail: `Could not read the outcome back (${code}): ${message}` }));
    }
  }

  return {
    preview: (target: ContainmentTarget, signal?: AbortSignal) => preview(target, signal),
    run: (target: ContainmentTarget, signal?: AbortSignal) => serial(() => run(target, signal)),
    previewUndo: (id: string, options: { profile?: string } = {}, signal?: AbortSignal) => previewUndo({ ...deps, now, log }, id, options, signal),
    undo: (id: string, options: { profile?: string } = {}, signal?: AbortSignal) =>
      serial(() => undoRun({ ...deps, now, log }, id, options, signal)),
    /** Every run and undo in the log, newest first, and the lines that could not be read. */
    records: () => {
      const read = log.read();
      return { records: [...read.records].reverse(), unreadable: read.unreadable, path: log.path };
    },
  };
}

export type ContainmentService = ReturnType<typeof createContainmentService>;
