import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';
import type { containmentContract, ContainmentRecord } from '../../../shared/api/containment-contract';
import type { AuditRecord } from '../../../shared/containment/audit';
import { createActingIam } from '../../services/containment/acting-iam';
import { createContainmentService } from '../../services/containment/containment-service';
import type { HostContext } from '../host-context';
import type { HandlerMap } from './handler-map';

function recordOf(record: AuditRecord): ContainmentRecord {
  const { begin } = record;
  return {
    id: record.id,
    kind: begin.kind,
    ...(begin.undoOf ? { undoOf: begin.undoOf } : {}),
    at: begin.at,
    profile: begin.profile,
    identity: { kind: begin.plan.identity.kind, name: begin.plan.identity.name, uniqueId: begin.plan.identity.uniqueId },
    actions: begin.plan.actions.map((action) => action.action),
    status: record.status,
    ...(record.message ? { message: record.message } : {}),
    calls: record.calls,
    checks: record.checks,
    ...(record.undoneBy ? { undoneBy: record.undoneBy } : {}),
  };
}

/** The typed confirmation: the identity's name exactly, checked here too, so no page can skip it. */
function confirm(typed: string, name: string): void {
  if (typed !== name) throw new ApiError('BAD_INPUT', `Type the name ${name} exactly to confirm.`, { confirmation: `Type ${name} to confirm.` });
}

/**
 * Containment for the app: preview, run and undo with the profile the analyst picked for acting
 * (credentials from the host's cache, as for fetching), and the identity's history from the audit log.
 */
export function createContainmentHandlers(
  ctx: HostContext,
  credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> },
): HandlerMap<typeof containmentContract> {
  const service = createContainmentService({ dataDir: ctx.dataDir, iamFor: createActingIam({ env: ctx.env, credentials }) });
  return {
    containmentPreview: (input) => service.preview(input),
    async containmentRun({ confirmation, ...target }) {
      confirm(confirmation, target.name);
      return service.run(target);
    },
    containmentUndoPreview: ({ id }) => service.previewUndo(id),
    async containmentUndo({ id, confirmation }) {
      const record = service.records().records.find((candidate) => candidate.id === id);
      if (!record) throw new ApiError('NOT_FOUND', `There is no containment record ${id} in the audit log.`);
      confirm(confirmation, record.begin.plan.identity.name);
      return service.undo(id);
    },
    async containmentRecords({ kind, name }) {
      const { records, unreadable } = service.records();
      const mine = records.filter((record) => (!kind || record.begin.plan.identity.kind === kind) && (!name || record.begin.plan.identity.name === name));
      return { records: mine.map(recordOf), unreadableLines: unreadable.length };
    },
  };
}
