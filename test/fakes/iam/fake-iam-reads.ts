import { findPolicy, findUser, principalOf, required } from './fake-iam-find';
import type { IamHandler } from './fake-iam-find';
import type { FakeGroup, FakeIamState, FakePrincipal, FakeRole, FakeUser } from './fake-iam-state';
import { groupArn, roleArn, userArn } from './fake-iam-state';
import { el, encodedDocument, escapeXml, IamFault, isoTime, members, noSuchEntity, pageOf } from './fake-iam-xml';

const tagsXml = (tags: FakePrincipal['tags']) =>
  tags.length === 0 ? '' : members('Tags', tags.map((tag) => `${el('Key', tag.key)}${el('Value', tag.value)}`));

const boundaryXml = (boundary: string | undefined) =>
  boundary === undefined
    ? ''
    : `<PermissionsBoundary>${el('PermissionsBoundaryType', 'PermissionsBoundaryPolicy')}${el('PermissionsBoundaryArn', boundary)}</PermissionsBoundary>`;

export function userXml(state: FakeIamState, user: FakeUser, full: boolean): string {
  return `${el('Path', user.path)}${el('UserName', user.userName)}${el('UserId', user.userId)}${el('Arn', userArn(state, user))}${el('CreateDate', isoTime(user.createDate))}${user.passwordLastUsed ? el('PasswordLastUsed', isoTime(user.passwordLastUsed)) : ''}${full ? `${boundaryXml(user.permissionsBoundary)}${tagsXml(user.tags)}` : ''}`;
}

function roleXml(state: FakeIamState, role: FakeRole): string {
  const lastUsed = role.lastUsed ? `${el('LastUsedDate', isoTime(role.lastUsed.date))}${el('Region', role.lastUsed.region)}` : '';
  return `${el('Path', role.path)}${el('RoleName', role.roleName)}${el('RoleId', role.roleId)}${el('Arn', roleArn(state, role))}${el('CreateDate', isoTime(role.createDate))}${el('AssumeRolePolicyDocument', encodedDocument(role.assumeRolePolicy))}${el('Description', role.description)}${el('MaxSessionDuration', 3600)}${boundaryXml(role.permissionsBoundary)}${tagsXml(role.tags)}<RoleLastUsed>${lastUsed}</RoleLastUsed>`;
}

const groupXml = (state: FakeIamState, group: FakeGroup) =>
  `${el('Path', group.path)}${el('GroupName', group.groupName)}${el('GroupId', group.groupId)}${el('Arn', groupArn(state, group))}${el('CreateDate', isoTime(group.createDate))}`;

function attachedList(kind: 'User' | 'Role' | 'Group'): IamHandler {
  return ({ state, params }) => {
    const principal = principalOf(state, params, kind);
    const { page, tail } = pageOf(principal.attached, params, `attached-${kind}`);
    const items = page.map((arn) => `${el('PolicyName', findPolicy(state, arn).policyName)}${el('PolicyArn', arn)}`);
    return `${members('AttachedPolicies', items)}${tail}`;
  };
}

function inlineList(kind: 'User' | 'Role' | 'Group'): IamHandler {
  return ({ state, params }) => {
    const principal = principalOf(state, params, kind);
    const { page, tail } = pageOf(Object.keys(principal.inline), params, `inline-${kind}`);
    return `${members('PolicyNames', page.map(escapeXml))}${tail}`;
  };
}

function inlineGet(kind: 'User' | 'Role' | 'Group'): IamHandler {
  return ({ state, params }) => {
    const principal = principalOf(state, params, kind);
    const name = required(params, 'PolicyName');
    const document = principal.inline[name];
    if (document === undefined) throw noSuchEntity(`The ${kind.toLowerCase()} policy with name ${name} cannot be found.`);
    return `${el(`${kind}Name`, params[`${kind}Name`])}${el('PolicyName', name)}${el('PolicyDocument', encodedDocument(document))}`;
  };
}

function attachmentCount(state: FakeIamState, arn: string): number {
  return [...state.users, ...state.roles, ...state.groups].filter((principal) => principal.attached.includes(arn)).length;
}

function keyOwner(state: FakeIamState, accessKeyId: string): { user: FakeUser; key: FakeUser['accessKeys'][number] } {
  for (const user of state.users) {
    const key = user.accessKeys.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (key) return { user, key };
  }
  throw new IamFault('AccessDenied', 403, `User is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${accessKeyId}`);
}

/** IAM's read calls, answered from the account state with the shapes and paging AWS uses. */
export const readHandlers: Record<string, IamHandler> = {
  GetUser: ({ state, params }) => `<User>${userXml(state, findUser(state, required(params, 'UserName')), true)}</User>`,
  ListUsers: ({ state, params }) => {
    const { page, tail } = pageOf(state.users, params, 'users');
    return `${members('Users', page.map((user) => userXml(state, user, false)))}${tail}`;
  },
  GetRole: ({ state, params }) => `<Role>${roleXml(state, principalOf(state, params, 'Role') as FakeRole)}</Role>`,
  ListGroupsForUser: ({ state, params }) => {
    const user = findUser(state, required(params, 'UserName'));
    const groups = user.groups.map((name) => state.groups.find((group) => group.groupName === name)).filter((group) => group !== undefined);
    const { page, tail } = pageOf(groups, params, 'groups');
    return `${members('Groups', page.map((group) => groupXml(state, group)))}${tail}`;
  },
  ListAttachedUserPolicies: attachedList('User'),
  ListAttachedRolePolicies: attachedList('Role'),
  ListAttachedGroupPolicies: attachedList('Group'),
  ListUserPolicies: inlineList('User'),
  ListRolePolicies: inlineList('Role'),
  ListGroupPolicies: inlineList('Group'),
  GetUserPolicy: inlineGet('User'),
  GetRolePolicy: inlineGet('Role'),
  GetGroupPolicy: inlineGet('Group'),
  GetPolicy: ({ state, params }) => {
    const policy = findPolicy(state, required(params, 'PolicyArn'));
    return `<Policy>${el('PolicyName', policy.policyName)}${el('PolicyId', policy.policyId)}${el('Arn', policy.arn)}${el('Path', policy.path)}${el('DefaultVersionId', policy.defaultVersionId)}${el('AttachmentCount', attachmentCount(state, policy.arn))}${el('PermissionsBoundaryUsageCount', 0)}${el('IsAttachable', true)}${el('Description', policy.description)}${el('CreateDate', isoTime(policy.createDate))}${el('UpdateDate', isoTime(policy.createDate))}</Policy>`;
  },
  GetPolicyVersion: ({ state, params }) => {
    const policy = findPolicy(state, required(params, 'PolicyArn'));
    const versionId = required(params, 'VersionId');
    const version = policy.versions.find((candidate) => candidate.versionId === versionId);
    if (!version) throw noSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`);
    return `<PolicyVersion>${el('Document', encodedDocument(version.document))}${el('VersionId', version.versionId)}${el('IsDefaultVersion', version.versionId === policy.defaultVersionId)}${el('CreateDate', isoTime(version.createDate))}</PolicyVersion>`;
  },
  ListAccessKeys: ({ state, params }) => {
    const user = findUser(state, required(params, 'UserName'));
    const { page, tail } = pageOf(user.accessKeys, params, 'keys');
    const items = page.map((key) => `${el('UserName', user.userName)}${el('AccessKeyId', key.accessKeyId)}${el('Status', key.status)}${el('CreateDate', isoTime(key.createDate))}`);
    return `${el('UserName', user.userName)}${members('AccessKeyMetadata', items)}${tail}`;
  },
  GetAccessKeyLastUsed: ({ state, params }) => {
    const { user, key } = keyOwner(state, required(params, 'AccessKeyId'));
    const used = key.lastUsed;
    const inner = used
      ? `${el('LastUsedDate', isoTime(used.date))}${el('ServiceName', used.serviceName)}${el('Region', used.region)}`
      : `${el('ServiceName', 'N/A')}${el('Region', 'N/A')}`;
    return `${el('UserName', user.userName)}<AccessKeyLastUsed>${inner}</AccessKeyLastUsed>`;
  },
  ListMFADevices: ({ state, params }) => {
    const user = findUser(state, required(params, 'UserName'));
    const { page, tail } = pageOf(user.mfaDevices, params, 'mfa');
    const items = page.map((device) => `${el('UserName', user.userName)}${el('SerialNumber', device.serialNumber)}${el('EnableDate', isoTime(device.enableDate))}`);
    return `${members('MFADevices', items)}${tail}`;
  },
  GetLoginProfile: ({ state, params }) => {
    const user = findUser(state, required(params, 'UserName'));
    if (!user.loginProfile) throw noSuchEntity(`Login Profile for User ${user.userName} cannot be found.`);
    return `<LoginProfile>${el('UserName', user.userName)}${el('CreateDate', isoTime(user.loginProfile.createDate))}${el('PasswordResetRequired', user.loginProfile.passwordResetRequired)}</LoginProfile>`;
  },
  ListUserTags: ({ state, params }) => {
    const user = findUser(state, required(params, 'UserName'));
    const { page, tail } = pageOf(user.tags, params, 'user-tags');
    return `${members('Tags', page.map((tag) => `${el('Key', tag.key)}${el('Value', tag.value)}`))}${tail}`;
  },
  ListRoleTags: ({ state, params }) => {
    const role = principalOf(state, params, 'Role') as FakeRole;
    const { page, tail } = pageOf(role.tags, params, 'role-tags');
    return `${members('Tags', page.map((tag) => `${el('Key', tag.key)}${el('Value', tag.value)}`))}${tail}`;
  },
};
