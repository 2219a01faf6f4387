import { describe, expect, it } from 'vitest';

import { buildSessionGraph } from '../../../shared/session-graph/build-graph';
import type { SessionGraph } from '../../../shared/session-graph/types';
import { asRole, asUser, call, flagsByName, home, issued, newKey, other, ownerKey, roleArn, roleKey, storyEvents, t0, tokenKey, userArn } from './fixture';

const flagsOf = flagsByName({ StopLogging: 'critical', ListBuckets: 'low', CreateAccessKey: 'medium' });

function node(graph: SessionGraph, id: string) {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id} among ${graph.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

function edgesOf(graph: SessionGraph) {
  return graph.edges.map((e) => `${e.from} -${e.kind}${e.label ? `(${e.label})` : ''}-> ${e.to}`).sort();
}

describe('the session graph', () => {
  const graph = buildSessionGraph(storyEvents(), { flagsOf });

  it('leads from the user to both of its keys, to the sessions the new key opened, to the role and its other account', () => {
    expect(graph.homeAccountId).toBe(home);
    expect(edgesOf(graph)).toEqual(
      [
        `user:${userArn} -has-key-> key:${ownerKey}`,
        `user:${userArn} -has-key-> key:${newKey}`,
        `key:${newKey} -issued(AssumeRole)-> session:${roleKey}`,
        `key:${newKey} -issued(GetSessionToken)-> session:${tokenKey}`,
        `session:${roleKey} -of-role-> role:${roleArn}`,
        `role:${roleArn} -in-account-> account:${other}`,
      ].sort(),
    );
    expect(node(graph, `user:${userArn}`)).toMatchObject({ kind: 'user', label: 'jmorales' });
    expect(node(graph, `session:${roleKey}`)).toMatchObject({ kind: 'session', detail: 'AssumeRole · maint-0412' });
    expect(node(graph, `session:${tokenKey}`)).toMatchObject({ kind: 'session', detail: 'GetSessionToken' });
    expect(node(graph, `role:${roleArn}`)).toMatchObject({ kind: 'role', label: 'prod-admin', detail: `role in ${other}` });
    expect(node(graph, `account:${other}`)).toMatchObject({ kind: 'account', label: other });
  });

  it('attaches each event to the node of its key, and a key stands for the sessions it opened', () => {
    expect(node(graph, `key:${ownerKey}`)).toMatchObject({ accessKeyIds: [ownerKey], eventCount: 2 });
    expect(node(graph, `session:${roleKey}`)).toMatchObject({ accessKeyIds: [roleKey], eventCount: 2 });
    expect(node(graph, `session:${tokenKey}`)).toMatchObject({ accessKeyIds: [tokenKey], eventCount: 2 });
    // GetCallerIdentity, AssumeRole, GetSessionToken with the key itself; four calls in its sessions.
    expect(node(graph, `key:${newKey}`)).toMatchObject({ accessKeyIds: [newKey, roleKey, tokenKey].sort(), eventCount: 7 });
    expect(node(graph, `role:${roleArn}`)).toMatchObject({ accessKeyIds: [roleKey], eventCount: 2 });
    expect(node(graph, `account:${other}`)).toMatchObject({ accessKeyIds: [roleKey], eventCount: 2 });
    // The user stands for everything, its console sign-in (no key) included.
    expect(node(graph, `user:${userArn}`).eventCount).toBe(10);
  });

  it('gives each node the first and last time of its events', () => {
    const minutes = (ms: number | null) => (ms === null ? null : (ms - t0) / 60_000);
    const seen = (id: string) => [minutes(node(graph, id).firstSeen), minutes(node(graph, id).lastSeen)];
    expect(seen(`user:${userArn}`)).toEqual([0, 58]);
    expect(seen(`key:${ownerKey}`)).toEqual([1, 5]);
    expect(seen(`key:${newKey}`)).toEqual([10, 58]);
    expect(seen(`session:${roleKey}`)).toEqual([33, 35]);
    expect(seen(`session:${tokenKey}`)).toEqual([55, 58]);
  });

  it('gives each node the top severity of its flags and how many of its events are flagged', () => {
    expect(node(graph, `session:${roleKey}`)).toMatchObject({ topSeverity: 'critical', flaggedCount: 2 });
    expect(node(graph, `session:${tokenKey}`)).toMatchObject({ topSeverity: 'low', flaggedCount: 1 });
    expect(node(graph, `key:${ownerKey}`)).toMatchObject({ topSeverity: 'medium', flaggedCount: 1 });
    expect(node(graph, `key:${newKey}`)).toMatchObject({ topSeverity: 'critical', flaggedCount: 3 });
    expect(node(graph, `user:${userArn}`)).toMatchObject({ topSeverity: 'critical', flaggedCount: 4 });
    const quiet = buildSessionGraph(storyEvents(), { flagsOf: () => [] });
    expect(quiet.nodes.every((n) => n.topSeverity === null && n.flaggedCount === 0)).toBe(true);
  });

  it('keeps a role of the home account without an account node', () => {
    const local = `arn:aws:iam::${home}:role/ops`;
    const events = [
      call(0, 'AssumeRole', asUser(ownerKey), { ...issued(roleKey), requestParameters: { roleArn: local, roleSessionName: 's' } }),
      call(1, 'ListRoles', asRole(roleKey, local, 's')),
    ];
    const small = buildSessionGraph(events, { flagsOf });
    expect(small.nodes.map((n) => n.kind).sort()).toEqual(['access-key', 'role', 'session', 'user']);
  });

  it('shows a session that made no call in the range, from its issuing call', () => {
    const events = [call(0, 'AssumeRole', asUser(ownerKey), { ...issued(roleKey), requestParameters: { roleArn, roleSessionName: 'idle' } })];
    const small = buildSessionGraph(events, { flagsOf });
    expect(node(small, `session:${roleKey}`)).toMatchObject({ eventCount: 0, firstSeen: null, lastSeen: null, topSeverity: null });
    expect(edgesOf(small)).toContain(`session:${roleKey} -of-role-> role:${roleArn}`);
  });

  it('ties a session to its issuer by the fetch’s via when the issuing record lacks the key', () => {
    const issuing = call(0, 'AssumeRole', asUser(ownerKey), { eventSource: 'sts.amazonaws.com', requestParameters: { roleArn, roleSessionName: 'v' } });
    const inside = call(1, 'ListBuckets', asRole(roleKey, roleArn, 'v'), {}, { accessKeyId: roleKey, issuedBy: issuing.id, issuingEventName: 'AssumeRole' });
    const small = buildSessionGraph([issuing, inside], { flagsOf });
    expect(edgesOf(small)).toContain(`key:${ownerKey} -issued(AssumeRole)-> session:${roleKey}`);
  });

  it('names a console session under its user, and a role session whose issuer is not in the events as a root', () => {
    const consoleKey = 'ASIACONSOLEKEY000005';
    const events = [call(0, 'ListUsers', asUser(consoleKey), { sessionCredentialFromConsole: 'true' }), call(1, 'ListRoles', asRole(roleKey))];
    const small = buildSessionGraph(events, { flagsOf });
    expect(node(small, `session:${consoleKey}`).detail).toBe('console session');
    expect(edgesOf(small)).toEqual(
      [`user:${userArn} -issued(console sign-in)-> session:${consoleKey}`, `session:${roleKey} -of-role-> role:${roleArn}`, `role:${roleArn} -in-account-> account:${other}`].sort(),
    );
  });

  it('follows SAML and web-identity sessions from their federated principal, and SSO role credentials to the reserved role', () => {
    const saml = { type: 'SAMLUser', principalId: 'idp:dana', userName: 'dana@example.com', identityProvider: 'arn:aws:iam::111111111111:saml-provider/Okta' };
    const ssoUser = { type: 'IdentityCenterUser', principalId: 'sso-dana', arn: 'arn:aws:identitystore::111111111111:user/sso-dana', userName: 'dana' };
    const reserved = `arn:aws:iam::${other}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_0123456789abcdef`;
    const events = [
      call(0, 'AssumeRoleWithSAML', saml, { ...issued(roleKey), requestParameters: { roleArn, principalArn: 'x' } }),
      call(1, 'ListBuckets', asRole(roleKey)),
      call(2, 'GetRoleCredentials', ssoUser, { eventSource: 'sso.amazonaws.com', requestParameters: { roleName: 'ReadOnly', accountId: other }, responseElements: null }),
      call(3, 'DescribeInstances', asRole(tokenKey, reserved, 'dana')),
    ];
    const small = buildSessionGraph(events, { flagsOf });
    expect(edgesOf(small)).toEqual(
      expect.arrayContaining([
        `principal:idp:dana -issued(AssumeRoleWithSAML)-> session:${roleKey}`,
        `principal:arn:aws:identitystore::111111111111:user/sso-dana -issued(GetRoleCredentials)-> session:sso:arn:aws:iam::${other}:role/ReadOnly`,
        `session:sso:arn:aws:iam::${other}:role/ReadOnly -of-role-> role:${reserved}`,
      ]),
    );
    expect(node(small, 'principal:idp:dana')).toMatchObject({ label: 'dana@example.com', eventCount: 2 });
  });

  it('keeps hostile names as the very text of labels and survives a key that claims to issue itself', () => {
    const hostile = '<img src=x onerror=alert(1)>\u202Egpj.exe';
    const hostileArn = `arn:aws:iam::${home}:user/${hostile}`;
    const events = [
      call(0, 'ListUsers', asUser(ownerKey, hostile, hostileArn)),
      call(1, 'GetSessionToken', asUser(tokenKey, hostile, hostileArn), issued(tokenKey)),
      call(2, 'ListRoles', asRole(roleKey, `arn:aws:iam::${other}:role/{{constructor.constructor('x')()}}`)),
      call(3, 'Odd', { type: 'AssumedRole', accessKeyId: 'ASIAODD', sessionContext: { sessionIssuer: { arn: 42 } } } as never),
    ];
    const small = buildSessionGraph(events, { flagsOf });
    expect(small.nodes.find((n) => n.kind === 'user')?.label).toBe(hostile);
    expect(small.nodes.find((n) => n.kind === 'role')?.label).toBe("{{constructor.constructor('x')()}}");
    expect(node(small, `session:${tokenKey}`).eventCount).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
