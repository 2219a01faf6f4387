import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { investigationAccount } from '../../fakes/iam/fake-iam-fixtures';
import { ANALYST_KEY, iamHome, iamService } from './helpers';

let fake: FakeIam;
let home: ReturnType<typeof iamHome>;

beforeEach(async () => {
  fake = await startFakeIam({ state: investigationAccount() });
  home = iamHome(fake);
});
afterEach(async () => {
  await fake.close();
  home.cleanup();
});

const alice = () => iamService(home.env).identity({ profile: 'analyst', kind: 'user', name: 'alice' });

describe('identity context through the real IAM client and AWS_ENDPOINT_URL_IAM', () => {
  test('reads the user, its groups, own and group policies with documents, boundary, keys, MFA, console, last accessed', async () => {
    const context = await alice();
    expect(context).toMatchObject({ kind: 'user', name: 'alice', id: 'AIDAALICEFAKE000001X', arn: 'arn:aws:iam::111122223333:user/alice', tags: [{ key: 'team', value: 'payments' }] });
    expect(context.groups?.map((group) => group.name)).toEqual(['developers']);
    const policies = context.policies.map((policy) => [policy.name, policy.kind, policy.source.kind, policy.source.name]);
    expect(policies).toEqual([
      ['Deployer', 'customer-managed', 'user', 'alice'],
      ['self-keys', 'inline', 'user', 'alice'],
      ['ReadBuckets', 'customer-managed', 'group', 'developers'],
      ['dev-secrets', 'inline', 'group', 'developers'],
    ]);
    expect(context.policies[0]!.document).toEqual(JSON.parse(fake.state.policies.find((p) => p.policyName === 'Deployer')!.versions[0]!.document));
    expect(context.policies[3]!.document).toMatchObject({ Statement: [{ Sid: 'Secrets', Action: 'secretsmanager:GetSecretValue' }] });
    expect(context.permissionsBoundary?.arn).toBe('arn:aws:iam::111122223333:policy/DevBoundary');
    expect(context.accessKeys).toEqual([
      { accessKeyId: 'AKIAALICEFAKE0000001', status: 'Active', createDate: '2025-02-01T10:00:00.000Z', lastUsed: { date: '2026-11-30T08:15:00.000Z', serviceName: 's3', region: 'eu-west-1' } },
      { accessKeyId: 'AKIAALICEFAKE0000002', status: 'Inactive', createDate: '2025-06-01T10:00:00.000Z', lastUsed: null },
    ]);
    expect(context.mfaDevices?.[0]?.serialNumber).toBe('arn:aws:iam::111122223333:mfa/alice');
    expect(context.console).toEqual({ enabled: true, createDate: '2025-01-15T09:05:00.000Z', passwordResetRequired: false, lastUsed: '2026-11-29T17:40:00.000Z' });
    expect(context.servicesLastAccessed?.services.map((service) => service.serviceNamespace)).toEqual(['s3', 'ec2', 'iam']);
    expect(context.servicesLastAccessed?.note).toMatch(/4 hours/);
    expect(context.gaps).toEqual([]);
    expect(fake.calls.every((call) => call.accessKeyId === ANALYST_KEY)).toBe(true);
  });

  test('polls the services-last-accessed job until COMPLETED', async () => {
    fake.jobs.lastAccessedPolls = 3;
    const context = await alice();
    expect(fake.calls.filter((call) => call.action === 'GetServiceLastAccessedDetails')).toHaveLength(4);
    expect(context.servicesLastAccessed?.services).toHaveLength(3);
  });

  test('a call the profile may not make is listed as not allowed, and the rest still shows', async () => {
    fake.setOptions({ denied: ['GetLoginProfile', 'ListGroupPolicies'] });
    const context = await alice();
    expect(context.gaps.map((gap) => gap.message)).toEqual([
      'not allowed for this profile: iam:GetLoginProfile',
      'not allowed for this profile: iam:ListGroupPolicies',
    ]);
    expect(context.console).toBeNull();
    expect(context.policies.map((policy) => policy.name)).toEqual(['Deployer', 'self-keys', 'ReadBuckets']);
    expect(context.accessKeys).toHaveLength(2);
  });

  test('no login profile (NoSuchEntity) is no console password, not a failure', async () => {
    const context = await iamService(home.env).identity({ profile: 'analyst', kind: 'user', name: 'bob' });
    expect(context.console).toEqual({ enabled: false, createDate: null, passwordResetRequired: null, lastUsed: null });
    expect(context.gaps).toEqual([]);
  });

  test('an unknown user is NOT_FOUND, saying how to look for its deletion', async () => {
    await expect(iamService(home.env).identity({ profile: 'analyst', kind: 'user', name: 'mallory' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('--deleted'),
    });
  });

  test('a role: its trust policy, last use and policies', async () => {
    const context = await iamService(home.env).identity({ profile: 'analyst', kind: 'role', name: 'deploy' });
    expect(context).toMatchObject({ kind: 'role', id: 'AROADEPLOYFAKE00001X', role: { maxSessionDuration: 3600, lastUsed: { region: 'us-east-1' } } });
    expect(context.role?.assumeRolePolicy).toMatchObject({ Statement: [{ Action: 'sts:AssumeRole' }] });
    expect(context.policies.map((policy) => policy.name)).toEqual(['Deployer', 'deploy-logs']);
    expect(fake.calls.some((call) => ['ListAccessKeys', 'GetLoginProfile', 'ListGroupsForUser'].includes(call.action))).toBe(false);
  });

  test('a quarantine policy attached is shown first', async () => {
    fake.state.users[0]!.attached.push('arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3');
    const context = await alice();
    expect(context.policies[0]).toMatchObject({ name: 'AWSCompromisedKeyQuarantineV3', kind: 'aws-managed', quarantine: true });
  });

  test('reading makes no mutating call, and a managed policy attached twice is read once', async () => {
    fake.state.groups[0]!.attached.push(fake.state.users[0]!.attached[0]!);
    await alice();
    expect(fake.mutations()).toEqual([]);
    expect(fake.calls.filter((call) => call.action === 'GetPolicy' && call.params.PolicyArn?.endsWith('/Deployer'))).toHaveLength(1);
  });

  test("a long-term key names its user; an unknown key is NOT_FOUND; a temporary key is refused before any call", async () => {
    const service = iamService(home.env);
    expect((await service.identity({ profile: 'analyst', kind: 'accessKey', name: 'AKIAALICEFAKE0000001' })).id).toBe('AIDAALICEFAKE000001X');
    await expect(service.identity({ profile: 'analyst', kind: 'accessKey', name: 'AKIAUNKNOWNFAKE00001' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const before = fake.calls.length;
    await expect(service.identity({ profile: 'analyst', kind: 'accessKey', name: 'ASIATEMPORARYFAKE001' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(fake.calls.length).toBe(before);
  });

  test('lists are paged with Marker until IsTruncated is false', async () => {
    fake.state.users[0]!.mfaDevices = Array.from({ length: 1205 }, (_, index) => ({ serialNumber: `arn:aws:iam::111122223333:mfa/alice-${index}`, enableDate: '2025-01-16T10:00:00Z' }));
    const context = await alice();
    expect(context.mfaDevices).toHaveLength(1205);
    const pages = fake.calls.filter((call) => call.action === 'ListMFADevices');
    expect(pages.map((call) => [call.params.MaxItems, call.params.Marker === undefined])).toEqual([['1000', true], ['1000', false]]);
  });

  test('a profile not in the shared files is PROFILE_NOT_FOUND before any IAM call', async () => {
    await expect(iamService(home.env).identity({ profile: 'nobody', kind: 'user', name: 'alice' })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    expect(fake.calls).toEqual([]);
  });
});
