import { findPolicy, findUser, principalOf, required } from './fake-iam-find';
import type { IamHandler } from './fake-iam-find';
import type { FakeRole, FakeUser } from './fake-iam-state';
import { el, IamFault, isoTime, noSuchEntity } from './fake-iam-xml';

/** The calls that change the account. Tests assert that read-only commands send none of them. */
export const MUTATING_ACTIONS = new Set([
  'UpdateAccessKey', 'DeleteLoginProfile', 'CreateLoginProfile', 'AttachUserPolicy', 'DetachUserPolicy',
  'AttachRolePolicy', 'DetachRolePolicy', 'PutUserPolicy', 'DeleteUserPolicy', 'PutRolePolicy', 'DeleteRolePolicy',
  'GenerateCredentialReport', 'GenerateServiceLastAccessedDetails',
]);

/** Calls that change IAM entities (the two Generate* jobs only start reports and are excluded). */
export const ENTITY_MUTATIONS = new Set([...MUTATING_ACTIONS].filter((action) => !action.startsWith('Generate')));

function checkedDocument(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('Statement' in parsed)) throw new Error('no Statement');
  } catch {
    throw new IamFault('MalformedPolicyDocument', 400, 'Syntax errors in policy.');
  }
  return text;
}

function attach(kind: 'User' | 'Role'): IamHandler {
  return ({ state, params }) => {
    const principal = principalOf(state, params, kind) as FakeUser | FakeRole;
    const arn = required(params, 'PolicyArn');
    findPolicy(state, arn);
    if (!principal.attached.includes(arn)) principal.attached.push(arn);
    return '';
  };
}

function detach(kind: 'User' | 'Role'): IamHandler {
  return ({ state, params }) => {
    const principal = principalOf(state, params, kind) as FakeUser | FakeRole;
    const arn = required(params, 'PolicyArn');
    const index = principal.attached.indexOf(arn);
    if (index < 0) throw noSuchEntity(`Policy ${arn} was not found.`);
    principal.attached.splice(index, 1);
    return '';
  };
}

function putInline(kind: 'User' | 'Role'): IamHandler {
  return ({ state, params }) => {
    const principal = principalOf(state, params, kind) as FakeUser | FakeRole;
    principal.inline[required(params, 'PolicyName')] = checkedDocument(required(params, 'PolicyDocument'));
    return '';
  };
}

function deleteInline(kind: 'User' | 'Role'): IamHandler {
  return ({ state, params }) => {
    const principal = principalOf(state, params, kind) as FakeUser | FakeRole;
    const name = required(params, 'PolicyName');
    if (!(name in principal.inline)) throw noSuchEntity(`The ${kind.toLowerCase()} policy with name ${name} cannot be found.`);
    delete principal.inline[name];
    return '';
  };
}

export const writeHandlers: Record<string, IamHandler> = {
  UpdateAccessKey: ({ state, params }) => {
    const user = findUser(state, required(params, 'UserName'));
    const accessKeyId = required(params, 'AccessKeyId');
    const status = required(params, 'Status');
    if (status !== 'Active' && status !== 'Inactive') throw new IamFault('ValidationError', 400, `Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`);
    const key = user.accessKeys.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (!key) throw noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
    key.status = status;
    return '';
  },
  DeleteLoginProfile: ({ state, params }) => {
    const user = findUser(state, required(params, 'UserName'));
    if (!user.loginProfile) throw noSuchEntity(`Login Profile for User ${user.userName} cannot be found.`);
    delete user.loginProfile;
    return '';
  },
  CreateLoginProfile: ({ state, params, now }) => {
    const user = findUser(state, required(params, 'UserName'));
    required(params, 'Password');
    if (user.loginProfile) throw new IamFault('EntityAlreadyExists', 409, `Login Profile for user ${user.userName} already exists.`);
    const createDate = now().toISOString();
    user.loginProfile = { createDate, passwordResetRequired: params.PasswordResetRequired === 'true' };
    return `<LoginProfile>${el('UserName', user.userName)}${el('CreateDate', isoTime(createDate))}${el('PasswordResetRequired', user.loginProfile.passwordResetRequired)}</LoginProfile>`;
  },
  AttachUserPolicy: attach('User'),
  DetachUserPolicy: detach('User'),
  AttachRolePolicy: attach('Role'),
  DetachRolePolicy: detach('Role'),
  PutUserPolicy: putInline('User'),
  DeleteUserPolicy: deleteInline('User'),
  PutRolePolicy: putInline('Role'),
  DeleteRolePolicy: deleteInline('Role'),
};
