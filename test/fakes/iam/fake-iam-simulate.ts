import { findGroup, findPolicy, findRole, findUser, principalByArn, required } from './fake-iam-find';
import type { IamHandler } from './fake-iam-find';
import type { FakeIamState, FakePrincipal } from './fake-iam-state';
import { el, members } from './fake-iam-xml';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
interface SourcePolicy { id: string; type: 'user' | 'role' | 'group' | 'aws-managed' | 'managed'; statements: Statement[] }

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const glob = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(value);

function statementsOf(text: string): Statement[] {
  const parsed = JSON.parse(text) as { Statement: Statement | Statement[] };
  return Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
}

function managed(state: FakeIamState, arn: string): SourcePolicy {
  const policy = findPolicy(state, arn);
  const version = policy.versions.find((candidate) => candidate.versionId === policy.defaultVersionId)!;
  return { id: policy.policyName, type: arn.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'managed', statements: statementsOf(version.document) };
}

function own(state: FakeIamState, principal: FakePrincipal, type: SourcePolicy['type']): SourcePolicy[] {
  return [
    ...Object.entries(principal.inline).map(([id, text]) => ({ id, type, statements: statementsOf(text) })),
    ...principal.attached.map((arn) => managed(state, arn)),
  ];
}

/** The identity policies of a user (with its groups') or a role, and its permissions boundary. */
function policiesOf(state: FakeIamState, arn: string): { policies: SourcePolicy[]; boundary?: SourcePolicy } {
  const { kind, name } = principalByArn(state, arn);
  if (kind === 'group') return { policies: own(state, { ...findGroup(state, name), permissionsBoundary: undefined, tags: [] }, 'group') };
  const principal = kind === 'user' ? findUser(state, name) : findRole(state, name);
  const groups = kind === 'user' ? findUser(state, name).groups.map((group) => findGroup(state, group)) : [];
  const policies = [...own(state, principal, kind), ...groups.flatMap((group) => own(state, { ...group, tags: [] }, 'group'))];
  return { policies, ...(principal.permissionsBoundary ? { boundary: managed(state, principal.permissionsBoundary) } : {}) };
}

type Context = Map<string, string[]>;

function conditionHolds(condition: Statement['Condition'], context: Context, missing: Set<string>): boolean {
  for (const [operator, entries] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      const actual = context.get(key.toLowerCase());
      if (!actual) {
        missing.add(key);
        return false;
      }
      const wants = list(expected);
      const holds = actual.some((value) =>
        wants.some((want) => {
          if (operator === 'DateLessThan') return Date.parse(value) < Date.parse(want);
          if (operator === 'DateGreaterThan') return Date.parse(value) > Date.parse(want);
          if (operator === 'StringLike') return glob(want, value);
          if (operator === 'Bool' || operator === 'StringEquals') return value === want;
          return false;
        }),
      );
      if (!holds) return false;
    }
  }
  return true;
}

function matches(statement: Statement, action: string, resource: string, context: Context, missing: Set<string>): boolean {
  const actionMatch = statement.NotAction ? !list(statement.NotAction).some((p) => glob(p, action)) : list(statement.Action).some((p) => glob(p, action));
  const resourceMatch = statement.NotResource
    ? !list(statement.NotResource).some((p) => glob(p, resource))
    : list(statement.Resource).some((p) => glob(p, resource));
  return actionMatch && resourceMatch && conditionHolds(statement.Condition, context, missing);
}

function decide(sources: SourcePolicy[], action: string, resource: string, context: Context, missing: Set<string>) {
  const matched: { policy: SourcePolicy; effect: string }[] = [];
  for (const policy of sources) for (const statement of policy.statements) {
    if (matches(statement, action, resource, context, missing)) matched.push({ policy, effect: statement.Effect });
  }
  const deny = matched.filter((match) => match.effect === 'Deny');
  if (deny.length > 0) return { decision: 'explicitDeny', matched: deny };
  const allow = matched.filter((match) => match.effect === 'Allow');
  return allow.length > 0 ? { decision: 'allowed', matched: allow } : { decision: 'implicitDeny', matched: [] };
}

function contextOf(params: Record<string, string>): Context {
  const context: Context = new Map();
  for (let index = 1; params[`ContextEntries.member.${index}.ContextKeyName`]; index += 1) {
    const values: string[] = [];
    for (let value = 1; params[`ContextEntries.member.${index}.ContextKeyValues.member.${value}`] !== undefined; value += 1) {
      values.push(params[`ContextEntries.member.${index}.ContextKeyValues.member.${value}`]!);
    }
    context.set(params[`ContextEntries.member.${index}.ContextKeyName`]!.toLowerCase(), values);
  }
  return context;
}

const memberList = (params: Record<string, string>, name: string) =>
  Object.keys(params).filter((key) => key.startsWith(`${name}.member.`)).sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop())).map((key) => params[key]!);

/** SimulatePrincipalPolicy over the principal's identity policies, boundary and the context entries given. */
export const simulateHandler: IamHandler = ({ state, params }) => {
  const { policies, boundary } = policiesOf(state, required(params, 'PolicySourceArn'));
  const actions = memberList(params, 'ActionNames');
  const resources = memberList(params, 'ResourceArns');
  const context = contextOf(params);
  const results = actions.flatMap((action) =>
    (resources.length > 0 ? resources : ['*']).map((resource) => {
      const missing = new Set<string>();
      let result = decide(policies, action, resource, context, missing);
      if (result.decision === 'allowed' && boundary && decide([boundary], action, resource, context, missing).decision !== 'allowed') {
        result = { decision: 'implicitDeny', matched: [] };
      }
      const statements = result.matched.map((match) => `${el('SourcePolicyId', match.policy.id)}${el('SourcePolicyType', match.policy.type)}`);
      return `${el('EvalActionName', action)}${el('EvalResourceName', resource)}${el('EvalDecision', result.decision)}${members('MatchedStatements', statements)}${members('MissingContextValues', [...missing].map((key) => key))}`;
    }),
  );
  return `${members('EvaluationResults', results)}${el('IsTruncated', false)}`;
};
