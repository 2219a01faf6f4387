import type { FakeGroup, FakeIamState, FakeManagedPolicy, FakePrincipal, FakeRole, FakeUser } from './fake-iam-state';
import { IamFault, noSuchEntity } from './fake-iam-xml';

/** What every handler gets: the account, the request's parameters, and the fake's clock. */
export interface IamContext {
  state: FakeIamState;
  params: Record<string, string>;
  now: () => Date;
}

export type IamHandler = (context: IamContext) => string;

export function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw new IamFault('ValidationError', 400, `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function findUser(state: FakeIamState, userName: string): FakeUser {
  const user = state.users.find((candidate) => candidate.userName === userName);
  if (!user) throw noSuchEntity(`The user with name ${userName} cannot be found.`);
  return user;
}

export function findRole(state: FakeIamState, roleName: string): FakeRole {
  const role = state.roles.find((candidate) => candidate.roleName === roleName);
  if (!role) throw noSuchEntity(`The role with name ${roleName} cannot be found.`);
  return role;
}

export function findGroup(state: FakeIamState, groupName: string): FakeGroup {
  const group = state.groups.find((candidate) => candidate.groupName === groupName);
  if (!group) throw noSuchEntity(`The group with name ${groupName} cannot be found.`);
  return group;
}

export function findPolicy(state: FakeIamState, arn: string): FakeManagedPolicy {
  const policy = state.policies.find((candidate) => candidate.arn === arn);
  if (!policy) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

/** The user, role or group a request names by `UserName`, `RoleName` or `GroupName`. */
export function principalOf(state: FakeIamState, params: Record<string, string>, kind: 'User' | 'Role' | 'Group'): FakePrincipal | FakeGroup {
  const name = required(params, `${kind}Name`);
  if (kind === 'User') return findUser(state, name);
  if (kind === 'Role') return findRole(state, name);
  return findGroup(state, name);
}

/** The user, role or group an ARN names (for the services-last-accessed job and the simulator). */
export function principalByArn(state: FakeIamState, arn: string): { kind: 'user' | 'role' | 'group'; name: string } {
  const match = /^arn:aws:iam::(\d{12}):(user|role|group)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!match || match[1] !== state.account) throw new IamFault('InvalidInput', 400, `ARN ${arn} is not valid.`);
  const kind = match[2] as 'user' | 'role' | 'group';
  const name = match[3]!;
  if (kind === 'user') findUser(state, name);
  else if (kind === 'role') findRole(state, name);
  else findGroup(state, name);
  return { kind, name };
}
