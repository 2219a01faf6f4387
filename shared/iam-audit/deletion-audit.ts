import type { CloudTrailRecord } from '../records/types';

/** The calls that strip a user before IAM lets it be deleted (console and CLI make them first). */
export const CLEANUP_CALLS = new Set([
  'DeleteAccessKey', 'UpdateAccessKey', 'DeleteLoginProfile', 'DetachUserPolicy', 'DeleteUserPolicy', 'RemoveUserFromGroup',
  'DeactivateMFADevice', 'DeleteVirtualMFADevice', 'DeleteSigningCertificate', 'DeleteSSHPublicKey',
  'DeleteServiceSpecificCredential', 'DeleteUserPermissionsBoundary', 'UntagUser',
]);

/** One IAM call on the user: what, when, by whom, from where, how. */
export interface AuditCall {
  eventID: string;
  eventName: string;
  eventTime: string;
  /** The caller's ARN (or type when AWS gives no ARN). */
  by: string;
  sourceIPAddress: string;
  userAgent: string;
  /** Console (the browser, or a console session's credentials), a service on the caller's behalf, or the API (CLI, SDK). */
  via: 'console' | 'service' | 'api';
  errorCode: string | null;
  /** What the call names besides the user (a key id, a policy ARN, a group). */
  detail: string | null;
}

export interface Deletion {
  deleteUser: AuditCall;
  /** The clean-up calls before it, since the user was created (or since the records begin). */
  cleanup: AuditCall[];
  /** The unique id of the user deleted, from its CreateUser when the records hold it. */
  userId: string | null;
}

export interface DeletionAudit {
  userName: string;
  deletions: Deletion[];
  /** Each CreateUser of that name, with the unique id IAM gave it. */
  creations: (AuditCall & { userId: string | null })[];
  /** A user of the same name created after the last deletion: another identity with the old name. */
  recreatedAfterDeletion: (AuditCall & { userId: string | null; differentId: boolean | null }) | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const params = (record: CloudTrailRecord) => (record.requestParameters && typeof record.requestParameters === 'object' ? (record.requestParameters as Record<string, unknown>) : {});

function viaOf(record: CloudTrailRecord): AuditCall['via'] {
  if (record.userIdentity?.invokedBy && record.userIdentity.invokedBy !== 'signin.amazonaws.com') return 'service';
  const agent = text(record.userAgent);
  if (record.sessionCredentialFromConsole === 'true' || /console\.amazonaws\.com|^AWS Internal$|Mozilla\//.test(agent)) return 'console';
  return 'api';
}

function callOf(record: CloudTrailRecord): AuditCall {
  const p = params(record);
  const detail = text(p.accessKeyId) || text(p.policyArn) || text(p.policyName) || text(p.groupName) || text(p.serialNumber) || null;
  return {
    eventID: text(record.eventID),
    eventName: text(record.eventName),
    eventTime: text(record.eventTime),
    by: text(record.userIdentity?.arn) || text(record.userIdentity?.type) || 'unknown',
    sourceIPAddress: text(record.sourceIPAddress),
    userAgent: text(record.userAgent),
    via: viaOf(record),
    errorCode: record.errorCode ? text(record.errorCode) : null,
    detail,
  };
}

const createdId = (record: CloudTrailRecord) => {
  const response = record.responseElements as { user?: { userId?: unknown } } | null | undefined;
  return typeof response?.user?.userId === 'string' ? response.user.userId : null;
};

/**
 * Who deleted a user and how: for each successful DeleteUser of `userName` in IAM's records, the
 * clean-up calls before it (since the previous CreateUser or deletion), who made them, when and
 * from where; and whether a user of the same name was created after the last deletion, with a
 * different unique id (a new identity under an old name, never to be taken for the old one).
 */
export function auditDeletion(records: CloudTrailRecord[], userName: string): DeletionAudit {
  const onUser = records
    .filter((record) => record.eventSource === 'iam.amazonaws.com' && text(params(record).userName) === userName)
    .sort((a, b) => text(a.eventTime).localeCompare(text(b.eventTime)));
  const deletions: Deletion[] = [];
  const creations: DeletionAudit['creations'] = [];
  let pending: AuditCall[] = [];
  let currentId: string | null = null;
  for (const record of onUser) {
    const name = record.eventName ?? '';
    if (name === 'CreateUser' && !record.errorCode) {
      currentId = createdId(record);
      creations.push({ ...callOf(record), userId: currentId });
      pending = [];
    } else if (name === 'DeleteUser' && !record.errorCode) {
      deletions.push({ deleteUser: callOf(record), cleanup: pending, userId: currentId });
      pending = [];
      currentId = null;
    } else if (CLEANUP_CALLS.has(name) || name === 'DeleteUser') {
      pending.push(callOf(record));
    }
  }
  const last = deletions.at(-1);
  const after = last ? creations.find((creation) => creation.eventTime > last.deleteUser.eventTime) : undefined;
  const recreatedAfterDeletion = after
    ? { ...after, differentId: after.userId && last!.userId ? after.userId !== last!.userId : null }
    : null;
  return { userName, deletions, creations, recreatedAfterDeletion };
}
