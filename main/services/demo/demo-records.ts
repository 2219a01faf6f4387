import type { Random } from './demo-random';
import { DEMO_ACCOUNT_ID } from './demo-identities';
import type { IamUser } from './demo-identities';

/** Who made a call, as CloudTrail's userIdentity has it. */
export type Actor =
  | { type: 'IAMUser'; user: IamUser; accessKeyId?: string; console?: { mfa: boolean; since: number } }
  | { type: 'AssumedRole'; roleName: string; roleId: string; sessionName: string; accessKeyId: string; since: number; mfa?: boolean }
  | { type: 'Root'; console: { mfa: boolean; since: number } }
  | { type: 'AWSService'; invokedBy: string };

export interface CallSpec {
  time: number;
  region: string;
  source: string;
  name: string;
  actor: Actor;
  ip: string;
  userAgent: string;
  readOnly: boolean;
  request?: unknown;
  response?: unknown;
  error?: { code: string; message: string };
  eventType?: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent';
  additional?: unknown;
  resources?: Array<{ ARN: string; accountId: string; type?: string }>;
}

/** One demo record with its lookup keys (Username and AccessKeyId as LookupEvents matches them). */
export interface DemoEvent {
  id: string;
  time: number;
  region: string;
  username: string | null;
  accessKeyId: string | null;
  raw: string;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function identityOf(actor: Actor): { identity: Record<string, unknown>; username: string | null; accessKeyId: string | null } {
  const account = DEMO_ACCOUNT_ID;
  switch (actor.type) {
    case 'IAMUser': {
      const identity: Record<string, unknown> = {
        type: 'IAMUser',
        principalId: actor.user.principalId,
        arn: `arn:aws:iam::${account}:user/${actor.user.userName}`,
        accountId: account,
      };
      if (actor.accessKeyId) identity.accessKeyId = actor.accessKeyId;
      identity.userName = actor.user.userName;
      if (actor.console)
        identity.sessionContext = { attributes: { creationDate: iso(actor.console.since), mfaAuthenticated: String(actor.console.mfa) } };
      return { identity, username: actor.user.userName, accessKeyId: actor.accessKeyId ?? null };
    }
    case 'AssumedRole':
      return {
        identity: {
          type: 'AssumedRole',
          principalId: `${actor.roleId}:${actor.sessionName}`,
          arn: `arn:aws:sts::${account}:assumed-role/${actor.roleName}/${actor.sessionName}`,
          accountId: account,
          accessKeyId: actor.accessKeyId,
          sessionContext: {
            sessionIssuer: {
              type: 'Role',
              principalId: actor.roleId,
              arn: `arn:aws:iam::${account}:role/${actor.roleName}`,
              accountId: account,
              userName: actor.roleName,
            },
            attributes: { creationDate: iso(actor.since), mfaAuthenticated: String(actor.mfa ?? false) },
          },
        },
        username: actor.sessionName,
        accessKeyId: actor.accessKeyId,
      };
    case 'Root':
      return {
        identity: {
          type: 'Root',
          principalId: account,
          arn: `arn:aws:iam::${account}:root`,
          accountId: account,
          sessionContext: { attributes: { creationDate: iso(actor.console.since), mfaAuthenticated: String(actor.console.mfa) } },
        },
        username: 'root',
        accessKeyId: null,
      };
    case 'AWSService':
      return { identity: { type: 'AWSService', invokedBy: actor.invokedBy }, username: null, accessKeyId: null };
  }
}

/** Builds one record shaped as CloudTrail writes it (field order included). */
export function buildEvent(random: Random, spec: CallSpec): DemoEvent {
  const { identity, username, accessKeyId } = identityOf(spec.actor);
  const consoleSession = (spec.actor.type === 'IAMUser' || spec.actor.type === 'Root') && spec.actor.console !== undefined;
  const signIn = spec.eventType === 'AwsConsoleSignIn';
  const host = spec.source.replace('.amazonaws.com', '');
  const globalService = ['iam', 'signin', 'sts'].includes(host) && spec.region === 'us-east-1';
  const id = random.uuid();
  const record: Record<string, unknown> = {
    eventVersion: signIn ? '1.08' : random.pick(['1.09', '1.10', '1.11']),
    userIdentity: identity,
    eventTime: iso(spec.time),
    eventSource: spec.source,
    eventName: spec.name,
    awsRegion: spec.region,
    sourceIPAddress: spec.actor.type === 'AWSService' ? spec.actor.invokedBy : spec.ip,
    userAgent: spec.actor.type === 'AWSService' ? spec.actor.invokedBy : spec.userAgent,
  };
  if (spec.error) {
    record.errorCode = spec.error.code;
    record.errorMessage = spec.error.message;
  }
  record.requestParameters = spec.request ?? null;
  record.responseElements = spec.response ?? null;
  if (spec.additional) record.additionalEventData = spec.additional;
  if (!signIn) record.requestID = random.uuid();
  record.eventID = id;
  record.readOnly = spec.readOnly;
  if (spec.resources) record.resources = spec.resources;
  record.eventType = spec.eventType ?? 'AwsApiCall';
  record.managementEvent = true;
  record.recipientAccountId = DEMO_ACCOUNT_ID;
  record.eventCategory = 'Management';
  if (!signIn && spec.actor.type !== 'AWSService') {
    record.tlsDetails = {
      tlsVersion: random.next() < 0.8 ? 'TLSv1.3' : 'TLSv1.2',
      cipherSuite: random.next() < 0.8 ? 'TLS_AES_128_GCM_SHA256' : 'ECDHE-RSA-AES128-GCM-SHA256',
      clientProvidedHostHeader: globalService ? `${host}.amazonaws.com` : `${host}.${spec.region}.amazonaws.com`,
    };
  }
  if (consoleSession && !signIn) record.sessionCredentialFromConsole = 'true';
  return { id, time: spec.time, region: spec.region, username, accessKeyId, raw: JSON.stringify(record) };
}
