import type { IamReads, PrincipalKind } from '../iam/iam-api';
import { demoAnchor } from './demo-account';
import { demoIamState } from './demo-iam-data';
import type { DemoIamState, DemoIamUser } from './demo-iam-data';
import { DEMO_ACCOUNT_ID } from './demo-identities';

/** A failure shaped as the SDK reports IAM's, so the reader treats the demo's alike. */
function iamError(name: string, message: string, status: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: 'client' });
}

const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
const reportTime = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const arnOf = (kind: PrincipalKind, name: string) => `arn:aws:iam::${DEMO_ACCOUNT_ID}:${kind}/${name}`;

let cached: { end: number; state: DemoIamState } | null = null;

/** The demo account's IAM state, one per anchor, shared by every read (and by containment's writes). */
export function demoIam(now: number = Date.now()): DemoIamState {
  const end = demoAnchor(now);
  if (cached?.end !== end) cached = { end, state: demoIamState(end) };
  return cached.state;
}

function csvOf(state: DemoIamState): string {
  const keyCells = (key: DemoIamUser['keys'][number] | undefined) =>
    key
      ? [String(key.status === 'Active'), reportTime(key.createDate), ...(key.lastUsed ? [reportTime(key.lastUsed.date), key.lastUsed.region, key.lastUsed.serviceName] : ['N/A', 'N/A', 'N/A'])]
      : ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const header =
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const certs = ['false', 'N/A', 'false', 'N/A'];
  const root = ['<root_account>', `arn:aws:iam::${DEMO_ACCOUNT_ID}:root`, reportTime(Date.parse('2022-05-10T08:00:00Z')), 'not_supported', reportTime(state.rootPasswordLastUsed), 'not_supported', 'not_supported', 'true', ...keyCells(undefined), ...keyCells(undefined), ...certs];
  const rows = state.users.map((user) => [
    user.name,
    arnOf('user', user.name),
    reportTime(user.createDate),
    String(user.console !== undefined),
    user.console ? (user.console.lastUsed ? reportTime(user.console.lastUsed) : 'no_information') : 'N/A',
    user.console ? reportTime(user.console.createDate) : 'N/A',
    'N/A',
    String(user.mfa),
    ...keyCells(user.keys[0]),
    ...keyCells(user.keys[1]),
    ...certs,
  ]);
  return [header, root.join(','), ...rows.map((row) => row.join(','))].join('\n');
}

/**
 * The demo profile's IAM reads, answered in process from the demo account's state (as its events
 * are), with IAM's errors: NoSuchEntity for an unknown name or no console password.
 */
export function createDemoIamReads(options: { now?: () => Date } = {}): IamReads {
  const state = () => demoIam((options.now?.() ?? new Date()).getTime());
  const user = (name: string) => {
    const found = state().users.find((candidate) => candidate.name === name);
    if (!found) throw iamError('NoSuchEntityException', `The user with name ${name} cannot be found.`, 404);
    return found;
  };
  const role = (name: string) => {
    const found = state().roles.find((candidate) => candidate.name === name);
    if (!found) throw iamError('NoSuchEntityException', `The role with name ${name} cannot be found.`, 404);
    return found;
  };
  const principal = (kind: PrincipalKind, name: string) => {
    if (kind === 'user') return user(name);
    if (kind === 'role') return role(name);
    const group = state().groups.find((candidate) => candidate.name === name);
    if (!group) throw iamError('NoSuchEntityException', `The group with name ${name} cannot be found.`, 404);
    return group;
  };
  const jobs = new Map<string, string>();
  return {
    getUser: async (name) => {
      const found = user(name);
      return { name, id: found.id, arn: arnOf('user', name), path: '/', createDate: iso(found.createDate), passwordLastUsed: found.console?.lastUsed ? iso(found.console.lastUsed) : null, permissionsBoundaryArn: null, tags: found.tags };
    },
    getRole: async (name) => {
      const found = role(name);
      return { name, id: found.id, arn: arnOf('role', name), path: '/', createDate: iso(found.createDate), permissionsBoundaryArn: null, tags: [], assumeRolePolicy: found.trust, description: null, maxSessionDuration: 3600, lastUsed: { date: iso(found.lastUsed), region: 'us-east-1' } };
    },
    listGroupsForUser: async (name) =>
      user(name).groups.map((group) => ({ name: group, arn: arnOf('group', group), id: state().groups.find((candidate) => candidate.name === group)?.id ?? '' })),
    listAttachedPolicies: async (kind, name) => principal(kind, name).attached.map((arn) => ({ name: arn.split('/').pop()!, arn })),
    listInlinePolicyNames: async (kind, name) => Object.keys(principal(kind, name).inline),
    getInlinePolicy: async (kind, name, policyName) => {
      const document = principal(kind, name).inline[policyName];
      if (document === undefined) throw iamError('NoSuchEntityException', `The policy with name ${policyName} cannot be found.`, 404);
      return document;
    },
    getManagedPolicy: async (arn) => {
      const document = state().policies[arn];
      if (document === undefined) throw iamError('NoSuchEntityException', `Policy ${arn} does not exist or is not attachable.`, 404);
      return { name: arn.split('/').pop()!, arn, versionId: 'v1', document };
    },
    listAccessKeys: async (name) => user(name).keys.map((key) => ({ accessKeyId: key.accessKeyId, status: key.status, createDate: iso(key.createDate) })),
    getAccessKeyLastUsed: async (accessKeyId) => {
      const key = state().users.flatMap((candidate) => candidate.keys).find((candidate) => candidate.accessKeyId === accessKeyId);
      return key?.lastUsed ? { date: iso(key.lastUsed.date), serviceName: key.lastUsed.serviceName, region: key.lastUsed.region } : null;
    },
    accessKeyOwner: async (accessKeyId) => state().users.find((candidate) => candidate.keys.some((key) => key.accessKeyId === accessKeyId))?.name ?? null,
    listMfaDevices: async (name) => {
      const found = user(name);
      return found.mfa ? [{ serialNumber: `arn:aws:iam::${DEMO_ACCOUNT_ID}:mfa/${name}`, enableDate: iso(found.createDate + 86_400_000) }] : [];
    },
    getLoginProfile: async (name) => {
      const found = user(name);
      if (!found.console) throw iamError('NoSuchEntityException', `Login Profile for User ${name} cannot be found.`, 404);
      return { createDate: iso(found.console.createDate), passwordResetRequired: false };
    },
    generateServiceLastAccessedDetails: async (arn) => {
      const jobId = `demo-job-${jobs.size + 1}`;
      jobs.set(jobId, arn.split('/').pop()!);
      return jobId;
    },
    getServiceLastAccessedDetails: async (jobId) => {
      const rows = state().lastAccessed[jobs.get(jobId) ?? ''] ?? [];
      const services = rows.map(([namespace, serviceName, last, region]) => ({
        serviceName,
        serviceNamespace: namespace,
        lastAuthenticated: last === null ? null : iso(last),
        lastAuthenticatedEntity: last === null ? null : arnOf('user', jobs.get(jobId)!),
        lastAuthenticatedRegion: region,
      }));
      return { status: 'COMPLETED', completedAt: iso(Date.now()), error: null, services };
    },
    generateCredentialReport: async () => 'COMPLETE',
    getCredentialReport: async () => ({ csv: csvOf(state()), generatedAt: iso(demoAnchor((options.now?.() ?? new Date()).getTime())) }),
  };
}
