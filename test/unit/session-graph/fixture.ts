import { normalizeEvent } from '../../../shared/records/normalize';
import type { ViaLink } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent, UserIdentity } from '../../../shared/records/types';
import type { RuleHit, Severity } from '../../../shared/rules/types';

export const home = '111111111111';
export const other = '222222222222';
export const t0 = Date.parse('2026-11-30T15:00:00Z');
export const userArn = `arn:aws:iam::${home}:user/jmorales`;
export const ownerKey = 'AKIAHOMEOWNERKEY0001';
export const newKey = 'AKIAHOMENEWKEY000002';
export const roleKey = 'ASIAROLESESSION00003';
export const tokenKey = 'ASIASESSIONTOKEN0004';
export const roleArn = `arn:aws:iam::${other}:role/prod-admin`;

let counter = 0;

/** One normalised event at t0 + minutes, by the given identity. */
export function call(minutes: number, eventName: string, userIdentity: UserIdentity, fields: Partial<CloudTrailRecord> = {}, via?: ViaLink): NormalizedEvent {
  counter++;
  return normalizeEvent(
    { eventID: `e${counter}-${eventName}`, eventTime: new Date(t0 + minutes * 60_000).toISOString(), eventSource: 'iam.amazonaws.com', eventName, awsRegion: 'us-east-1', userIdentity, ...fields },
    { via: via ?? null },
  );
}

/** The IAM user acting, with a key or (console sign-in) without. */
export function asUser(accessKeyId?: string, userName = 'jmorales', arn = userArn): UserIdentity {
  return { type: 'IAMUser', principalId: 'AIDAJMORALES', arn, accountId: home, userName, ...(accessKeyId ? { accessKeyId } : {}) };
}

/** A session of a role, signed with its temporary key. */
export function asRole(accessKeyId: string, arn = roleArn, sessionName = 'maint-0412'): UserIdentity {
  const account = /::(\d{12}):/.exec(arn)![1]!;
  const name = arn.split('/').pop()!;
  return {
    type: 'AssumedRole',
    principalId: `AROAEXAMPLE:${sessionName}`,
    arn: `arn:aws:sts::${account}:assumed-role/${name}/${sessionName}`,
    accountId: account,
    accessKeyId,
    sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLE', arn, accountId: account, userName: name } },
  };
}

/** The response of a call that issues a temporary key. */
export function issued(accessKeyId: string): Partial<CloudTrailRecord> {
  return { eventSource: 'sts.amazonaws.com', responseElements: { credentials: { accessKeyId, sessionToken: 'x', expiration: 'Dec 1, 2026' } } };
}

/** Flags by event name, so the expected severities are the test's own. */
export function flagsByName(severities: Record<string, Severity>) {
  return (event: NormalizedEvent): RuleHit[] => {
    const severity = severities[event.eventName];
    return severity ? [{ ruleId: `r-${severity}`, title: 't', severity, category: 'reconnaissance', reason: 'r', nextStep: '', attack: [] }] : [];
  };
}

/**
 * jmorales in the home account: a console sign-in (no key), the owner's key, a new key; the new
 * key assumes prod-admin in another account and opens a GetSessionToken session.
 */
export function storyEvents(): NormalizedEvent[] {
  return [
    call(0, 'ConsoleLogin', asUser(), { eventSource: 'signin.amazonaws.com' }),
    call(1, 'ListUsers', asUser(ownerKey)),
    call(5, 'CreateAccessKey', asUser(ownerKey)),
    call(10, 'GetCallerIdentity', asUser(newKey)),
    call(31, 'AssumeRole', asUser(newKey), { ...issued(roleKey), requestParameters: { roleArn, roleSessionName: 'maint-0412' } }),
    call(33, 'ListBuckets', asRole(roleKey)),
    call(35, 'StopLogging', asRole(roleKey), { eventSource: 'cloudtrail.amazonaws.com', requestParameters: { name: 'management-events' } }),
    call(52, 'GetSessionToken', asUser(newKey), { ...issued(tokenKey), requestParameters: { durationSeconds: 43200 } }),
    call(55, 'DescribeDBInstances', asUser(tokenKey)),
    call(58, 'ListBuckets', asUser(tokenKey)),
  ];
}
