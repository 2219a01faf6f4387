import { ApiError } from '../../../shared/api/errors';
import { DENY_ALL_POLICY_ARN } from '../../../shared/containment/policies';
import type { IamCall } from '../../../shared/containment/types';
import { demoIam } from '../demo/demo-iam';
import type { DemoIamUser } from '../demo/demo-iam-data';
import { DEMO_ACCOUNT_ID } from '../demo/demo-identities';
import type { ContainmentIam } from './containment-iam';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const arnOf = (kind: 'user' | 'role', name: string) => `arn:aws:iam::${DEMO_ACCOUNT_ID}:${kind}/${name}`;

/** Whether an inline policy's DateLessThan on aws:TokenIssueTime denies a token issued at that time. */
function revokes(document: string, tokenIssueTime: string | undefined): boolean {
  if (!tokenIssueTime) return false;
  try {
    const parsed = JSON.parse(document) as { Statement?: { Effect?: string; Condition?: { DateLessThan?: Record<string, string> } }[] };
    return (parsed.Statement ?? []).some((s) => s.Effect === 'Deny' && Date.parse(tokenIssueTime) < Date.parse(s.Condition?.DateLessThan?.['aws:TokenIssueTime'] ?? ''));
  } catch {
    return false;
  }
}

type DemoPrincipal = DemoIamUser | ReturnType<typeof demoIam>['roles'][number];

const iamError = (name: string, message: string) => Object.assign(new Error(message), { name });
const text = (document: unknown) => (typeof document === 'string' ? document : JSON.stringify(document));

/**
 * Containment on the demo account, in process: the same calls as against IAM, with IAM's errors
 * (NoSuchEntity, EntityAlreadyExists), on the demo's IAM state that its Identity panel reads, so
 * a contained jmorales shows contained. The state lives as long as the host (reset at each start).
 */
export function createDemoContainmentIam(now: () => Date = () => new Date()): ContainmentIam {
  const state = () => demoIam(now().getTime());
  const find = (kind: 'user' | 'role', name: string): DemoPrincipal | undefined =>
    kind === 'user' ? state().users.find((u) => u.name === name) : state().roles.find((r) => r.name === name);
  const must = (kind: 'user' | 'role', name: string): DemoPrincipal => {
    const found = find(kind, name);
    if (!found) throw iamError('NoSuchEntityException', `The ${kind} with name ${name} cannot be found.`);
    return found;
  };
  const user = (name: string) => must('user', name) as DemoIamUser;
  const apply = (call: IamCall) => {
    const p = call.params;
    const kind = p.UserName !== undefined ? 'user' : 'role';
    const name = String(p.UserName ?? p.RoleName);
    const principal = must(kind, name);
    const arn = String(p.PolicyArn);
    const policyName = String(p.PolicyName);
    switch (call.api) {
      case 'UpdateAccessKey': {
        const key = user(name).keys.find((k) => k.accessKeyId === p.AccessKeyId);
        if (!key) throw iamError('NoSuchEntityException', `The Access Key with id ${String(p.AccessKeyId)} cannot be found.`);
        key.status = p.Status === 'Active' ? 'Active' : 'Inactive';
        return;
      }
      case 'DeleteLoginProfile':
        if (!user(name).console) throw iamError('NoSuchEntityException', `Login Profile for User ${name} cannot be found.`);
        delete user(name).console;
        return;
      case 'CreateLoginProfile':
        if (user(name).console) throw iamError('EntityAlreadyExistsException', `Login Profile for user ${name} already exists.`);
        user(name).console = { createDate: now().getTime() };
        return;
      case 'AttachUserPolicy':
      case 'AttachRolePolicy':
        if (!principal.attached.includes(arn)) principal.attached.push(arn);
        return;
      case 'DetachUserPolicy':
      case 'DetachRolePolicy':
        if (!principal.attached.includes(arn)) throw iamError('NoSuchEntityException', `Policy ${arn} was not found.`);
        principal.attached.splice(principal.attached.indexOf(arn), 1);
        return;
      case 'PutUserPolicy':
      case 'PutRolePolicy':
        principal.inline[policyName] = JSON.parse(String(p.PolicyDocument)) as unknown;
        return;
      case 'DeleteUserPolicy':
      case 'DeleteRolePolicy':
        if (!(policyName in principal.inline)) throw iamError('NoSuchEntityException', `The policy with name ${policyName} cannot be found.`);
        delete principal.inline[policyName];
    }
  };
  return {
    getIdentity: async (kind, name) => {
      const found = find(kind, name);
      return found ? { kind, name, uniqueId: found.id, arn: arnOf(kind, name) } : null;
    },
    listAccessKeys: async (name) => user(name).keys.map((key) => ({ accessKeyId: key.accessKeyId, status: key.status })),
    getLoginProfile: async (name) => ({ exists: user(name).console !== undefined }),
    listAttachedPolicyArns: async (kind, name) => [...must(kind, name).attached],
    getInlinePolicy: async (kind, name, policyName) => {
      const document = must(kind, name).inline[policyName];
      return document === undefined ? null : text(document);
    },
    send: async (call) => apply(call),
    simulate: async (arn, actionNames, tokenIssueTime) => {
      const [, kind = '', name = ''] = /:(user|role)\/(.+)$/.exec(arn) ?? [];
      const principal = find(kind as 'user' | 'role', name);
      if (!principal) throw new ApiError('NOT_FOUND', `No demo identity ${arn}.`);
      const denied = principal.attached.includes(DENY_ALL_POLICY_ARN) || Object.values(principal.inline).some((doc) => revokes(text(doc), tokenIssueTime));
      const allowed = principal.attached.includes(ADMIN);
      return actionNames.map((actionName) => ({ actionName, decision: denied ? 'explicitDeny' : allowed ? 'allowed' : 'implicitDeny' }));
    },
  };
}
