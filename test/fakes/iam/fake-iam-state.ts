/** A policy document as JSON text, exactly as it is stored (the fake URL-encodes it on the wire, as IAM does). */
export type PolicyText = string;

export interface FakeAccessKey {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
  createDate: string;
  lastUsed?: { date: string; serviceName: string; region: string };
}

/** What users, roles and groups share: attached managed policies (ARNs), inline policies (name → document). */
export interface FakePrincipal {
  path: string;
  createDate: string;
  attached: string[];
  inline: Record<string, PolicyText>;
  permissionsBoundary?: string;
  tags: { key: string; value: string }[];
}

export interface FakeUser extends FakePrincipal {
  userName: string;
  userId: string;
  groups: string[];
  accessKeys: FakeAccessKey[];
  mfaDevices: { serialNumber: string; enableDate: string }[];
  loginProfile?: { createDate: string; passwordResetRequired: boolean };
  passwordLastUsed?: string;
  passwordLastChanged?: string;
}

export interface FakeRole extends FakePrincipal {
  roleName: string;
  roleId: string;
  assumeRolePolicy: PolicyText;
  description?: string;
  lastUsed?: { date: string; region: string };
}

export interface FakeGroup {
  groupName: string;
  groupId: string;
  path: string;
  createDate: string;
  attached: string[];
  inline: Record<string, PolicyText>;
}

export interface FakeManagedPolicy {
  arn: string;
  policyName: string;
  policyId: string;
  path: string;
  defaultVersionId: string;
  versions: { versionId: string; document: PolicyText; createDate: string }[];
  createDate: string;
  description?: string;
}

export interface FakeServiceAccess {
  serviceName: string;
  serviceNamespace: string;
  lastAuthenticated?: string;
  lastAuthenticatedEntity?: string;
  lastAuthenticatedRegion?: string;
  totalAuthenticatedEntities: number;
}

/** The account the fake serves. Tests build it and may change it between calls. */
export interface FakeIamState {
  account: string;
  users: FakeUser[];
  roles: FakeRole[];
  groups: FakeGroup[];
  policies: FakeManagedPolicy[];
  /** Services last accessed, by principal ARN (what GetServiceLastAccessedDetails reports). */
  serviceAccess: Record<string, FakeServiceAccess[]>;
  /** Root's row of the credential report. */
  root: { createDate: string; passwordLastUsed?: string; mfaActive: boolean; accessKeys: FakeAccessKey[] };
}

export const userArn = (state: FakeIamState, user: FakeUser) => `arn:aws:iam::${state.account}:user${user.path}${user.userName}`;
export const roleArn = (state: FakeIamState, role: FakeRole) => `arn:aws:iam::${state.account}:role${role.path}${role.roleName}`;
export const groupArn = (state: FakeIamState, group: FakeGroup) =>
  `arn:aws:iam::${state.account}:group${group.path}${group.groupName}`;

let serial = 0;
/** An id of IAM's shape: a prefix (AIDA, AROA, AGPA, ANPA, AKIA) and 17 upper-case letters and digits. */
export function fakeId(prefix: string): string {
  serial += 1;
  const tail = `${serial.toString(36).toUpperCase()}FAKE${Math.random().toString(36).slice(2).toUpperCase()}`;
  return `${prefix}${tail.padEnd(17, 'X').slice(0, 17)}`;
}

/** A user with sensible defaults; `changes` overrides any field. */
export function fakeUser(userName: string, changes: Partial<FakeUser> = {}): FakeUser {
  return {
    userName,
    userId: fakeId('AIDA'),
    path: '/',
    createDate: '2025-01-15T09:00:00Z',
    attached: [],
    inline: {},
    tags: [],
    groups: [],
    accessKeys: [],
    mfaDevices: [],
    ...changes,
  };
}

export function fakeRole(roleName: string, changes: Partial<FakeRole> = {}): FakeRole {
  return {
    roleName,
    roleId: fakeId('AROA'),
    path: '/',
    createDate: '2025-01-15T09:00:00Z',
    attached: [],
    inline: {},
    tags: [],
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    ...changes,
  };
}

export function fakeGroup(groupName: string, changes: Partial<FakeGroup> = {}): FakeGroup {
  return { groupName, groupId: fakeId('AGPA'), path: '/', createDate: '2025-01-10T09:00:00Z', attached: [], inline: {}, ...changes };
}

/** A managed policy with one version (v1, the default); an `aws` account makes it AWS-managed. */
export function fakePolicy(account: string, policyName: string, document: object, changes: Partial<FakeManagedPolicy> = {}): FakeManagedPolicy {
  return {
    arn: `arn:aws:iam::${account}:policy/${policyName}`,
    policyName,
    policyId: fakeId('ANPA'),
    path: '/',
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document: JSON.stringify(document), createDate: '2024-06-01T00:00:00Z' }],
    createDate: '2024-06-01T00:00:00Z',
    ...changes,
  };
}

/** AWS-managed policies that containment and tests rely on. */
export function awsManagedPolicies(): FakeManagedPolicy[] {
  return [
    fakePolicy('aws', 'AdministratorAccess', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    fakePolicy('aws', 'AWSDenyAll', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }),
    fakePolicy('aws', 'ReadOnlyAccess', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*', 'iam:Get*', 'iam:List*'], Resource: '*' }],
    }),
    fakePolicy('aws', 'AWSCompromisedKeyQuarantineV3', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: ['iam:CreateAccessKey', 'iam:AttachUserPolicy', 'ec2:RunInstances', 'lambda:CreateFunction'], Resource: '*' }],
    }),
  ];
}

/** An empty account with the AWS-managed policies. */
export function fakeIamState(changes: Partial<FakeIamState> = {}): FakeIamState {
  return {
    account: '111122223333',
    users: [],
    roles: [],
    groups: [],
    policies: awsManagedPolicies(),
    serviceAccess: {},
    root: { createDate: '2023-03-01T10:00:00+00:00', mfaActive: true, accessKeys: [] },
    ...changes,
  };
}
