import type { NormalizedEvent } from '../records/types';
import type { Beat, BeatKind } from './beat';
import { additionalValue, itemsAt, lastSegment, requestValue, responseValue, valueAt } from './record-values';

/** What an extractor knows besides the event: who the story is about and the keys seen before. */
export interface ExtractContext {
  /** The user name the story is about ('' when unknown). */
  subject: string;
  /** Long-term keys (AKIA…) the identity used before this event. */
  keysBefore: ReadonlySet<string>;
}

type Found = { kind: BeatKind; values: Record<string, string[]> } | null;
type Extractor = (event: NormalizedEvent, context: ExtractContext) => Found;

const one = (kind: BeatKind, values: Record<string, string> = {}): Found => ({
  kind,
  values: Object.fromEntries(Object.entries(values).map(([slot, value]) => [slot, [value || '(not recorded)']])),
});

const targetOf = (event: NormalizedEvent) =>
  requestValue(event, 'userName') || requestValue(event, 'roleName') || requestValue(event, 'groupName');
const trailOf = (event: NormalizedEvent) => lastSegment(requestValue(event, 'name') || requestValue(event, 'trailName'));

function signIn(event: NormalizedEvent): Found {
  const ip = event.sourceIPAddress;
  if (responseValue(event, 'ConsoleLogin') === 'Failure' || event.errorCode) return one('signInFailed', { ip });
  return one(additionalValue(event, 'MFAUsed') === 'No' ? 'signInNoMfa' : 'signIn', { ip });
}

function createKey(event: NormalizedEvent, context: ExtractContext): Found {
  const key = responseValue(event, 'accessKey.accessKeyId', 128);
  const user = requestValue(event, 'userName') || responseValue(event, 'accessKey.userName');
  if (user && context.subject && user !== context.subject) return one('createKeyFor', { key, user });
  return one([...context.keysBefore].some((known) => known !== key) ? 'createKeySecond' : 'createKey', { key });
}

function grant(event: NormalizedEvent, context: ExtractContext): Found {
  const policy = lastSegment(requestValue(event, 'policyArn'));
  const target = targetOf(event);
  return target && target === context.subject ? one('grantSelf', { policy }) : one('grantOther', { policy, target });
}

const worldRanges = new Set(['0.0.0.0/0', '::/0']);

function openPort(event: NormalizedEvent): Found {
  const permissions = itemsAt(event.record?.requestParameters, 'ipPermissions');
  const ports = new Set<string>();
  const ranges = new Set<string>();
  for (const permission of permissions) {
    const from = valueAt(permission, 'fromPort');
    const to = valueAt(permission, 'toPort');
    ports.add(from && to && from !== to ? `${from}-${to}` : from || to || 'all');
    for (const range of itemsAt(permission, 'ipRanges')) ranges.add(valueAt(range, 'cidrIp'));
    for (const range of itemsAt(permission, 'ipv6Ranges')) ranges.add(valueAt(range, 'cidrIpv6'));
  }
  const port = [...ports].join(', ') || requestValue(event, 'fromPort') || 'all';
  const found = [...ranges].filter(Boolean);
  const range = found.length ? found : [requestValue(event, 'cidrIp') || '(range not recorded)'];
  const group = requestValue(event, 'groupId') || requestValue(event, 'groupName');
  const values = { port: [port], range, group: [group || '(group not recorded)'] };
  return { kind: range.some((value) => worldRanges.has(value)) ? 'openPortWorld' : 'openPort', values };
}

function runInstances(event: NormalizedEvent): Found {
  const item = itemsAt(event.record?.requestParameters, 'instancesSet')[0];
  const count = valueAt(item, 'maxCount') || valueAt(item, 'minCount') || '1';
  const type = requestValue(event, 'instanceType');
  return one(event.errorCode ? 'startServersRefused' : 'startServers', { count, type });
}

/** Event name → how it is told. Only successful calls are told, unless the extractor says otherwise. */
export const extractors: Record<string, Extractor> = {
  ConsoleLogin: signIn,
  CreateAccessKey: createKey,
  AttachUserPolicy: grant,
  AttachRolePolicy: grant,
  AttachGroupPolicy: grant,
  PutUserPolicy: (event) => one('inlinePolicy', { policy: requestValue(event, 'policyName'), target: targetOf(event) }),
  PutRolePolicy: (event) => one('inlinePolicy', { policy: requestValue(event, 'policyName'), target: targetOf(event) }),
  StopLogging: (event) => one('stopLogging', { trail: trailOf(event), trailArn: requestValue(event, 'name') }),
  DeleteTrail: (event) => one('deleteTrail', { trail: trailOf(event), trailArn: requestValue(event, 'name') }),
  PutEventSelectors: (event) => one('changeTrail', { trail: trailOf(event) }),
  AuthorizeSecurityGroupIngress: openPort,
  AssumeRole: (event) =>
    one('assumeRole', { role: lastSegment(requestValue(event, 'roleArn')), session: requestValue(event, 'roleSessionName') }),
  GetSessionToken: (event) => one('sessionToken', { key: responseValue(event, 'credentials.accessKeyId', 128) }),
  GetSecretValue: (event) => one('readSecret', { secret: requestValue(event, 'secretId') }),
  CreateUser: (event) => one('createUser', { user: requestValue(event, 'userName') }),
  DeleteUser: (event) => one('deleteUser', { user: requestValue(event, 'userName') }),
  CreateLoginProfile: (event) => one('setPassword', { user: requestValue(event, 'userName') }),
  DeactivateMFADevice: (event) => one('removeMfa', { user: requestValue(event, 'userName') }),
  UpdateAssumeRolePolicy: (event) => one('roleTrust', { role: requestValue(event, 'roleName') }),
  PutBucketPolicy: (event) => one('bucketPolicy', { bucket: requestValue(event, 'bucketName') }),
  DeletePublicAccessBlock: (event) => one('publicAccess', { bucket: requestValue(event, 'bucketName') }),
  ScheduleKeyDeletion: (event) => one('kmsDelete', { kms: requestValue(event, 'keyId') }),
  DeleteDetector: (event) => one('detectorOff', { detector: requestValue(event, 'detectorId') }),
  RunInstances: runInstances,
};

/** Calls told even when they failed (a refused attempt says something too). */
const toldWhenFailed = new Set(['ConsoleLogin', 'RunInstances']);

/** The beat one event makes on its own, or null. */
export function beatOf(event: NormalizedEvent, context: ExtractContext): Beat | null {
  if (!event.record || (event.errorCode && !toldWhenFailed.has(event.eventName))) return null;
  if (event.eventName === 'AssumeRole' && event.identityType === 'AWSService') return null;
  const extractor = Object.hasOwn(extractors, event.eventName) ? extractors[event.eventName] : undefined;
  const found = extractor?.(event, context) ?? null;
  return found && { ...found, time: event.time, eventIds: [event.id] };
}
