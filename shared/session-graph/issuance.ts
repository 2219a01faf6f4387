import type { NormalizedEvent } from '../records/types';

/** Calls that hand out a temporary access key, as CloudTrail names them. */
export const issuingEventNames = new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken', 'GetRoleCredentials']);

/** What one successful issuing call says about the session it opened. */
export interface Issuance {
  event: NormalizedEvent;
  /** The new key id (`responseElements.credentials.accessKeyId`); empty when not recorded (SSO). */
  accessKeyId: string;
  /** The role asked for (`requestParameters.roleArn`, or built from an SSO request), else empty. */
  roleArn: string;
  /** The session or federated user name asked for, else empty. */
  sessionName: string;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The session an event opened, when it is a successful issuing call. The record is untrusted:
 * anything not shaped as expected yields empty strings, never a throw. GetRoleCredentials (the
 * SSO portal) does not log the key it returns, so its session is known by role and account only.
 * `knownKey` is the key the fetch followed from this call (its `via`), for records that omit it.
 */
export function issuanceOf(event: NormalizedEvent, knownKey = ''): Issuance | null {
  // The name first: reading `record` re-parses the raw text of a workspace event (100,000 of them in a second).
  if (event.errorCode || !issuingEventNames.has(event.eventName)) return null;
  const record = event.record;
  if (!record) return null;
  const request = record.requestParameters;
  const accessKeyId = text(field(field(record.responseElements, 'credentials'), 'accessKeyId')) || knownKey;
  if (event.eventName === 'GetRoleCredentials') {
    const roleName = text(field(request, 'roleName'));
    const accountId = text(field(request, 'accountId'));
    if (!roleName || !accountId) return null;
    return { event, accessKeyId, roleArn: `arn:aws:iam::${accountId}:role/${roleName}`, sessionName: roleName };
  }
  if (!accessKeyId) return null;
  const sessionName = text(field(request, 'roleSessionName')) || text(field(request, 'name'));
  return { event, accessKeyId, roleArn: text(field(request, 'roleArn')), sessionName };
}

/** The account id inside an ARN (`arn:aws:iam::123456789012:role/x`), or empty. */
export function accountOfArn(arn: string): string {
  return /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1] ?? '';
}

/** The last part of an ARN's resource (`role/ops/Admin` → `Admin`), or the ARN itself. */
export function nameOfArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource.split('/').pop() || arn;
}
