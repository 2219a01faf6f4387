import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { spawnCli } from '../cli/spawn-cli';
import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { investigationAccount } from '../../fakes/iam/fake-iam-fixtures';
import { fakeUser } from '../../fakes/iam/fake-iam-state';
import { MUTATING_ACTIONS } from '../../fakes/iam/fake-iam-writes';
import { iamHome } from './helpers';

let fake: FakeIam;
let home: ReturnType<typeof iamHome>;
const DAY = 86_400_000;

beforeEach(async () => {
  fake = await startFakeIam({ state: investigationAccount(), lastAccessedPolls: 0 });
  home = iamHome(fake);
});
afterEach(async () => {
  await fake.close();
  home.cleanup();
});

const cli = (args: string[]) => spawnCli(args, { env: home.env });

describe('trailcase identity', () => {
  test('prints the context, the risky permissions with their statements, and what the profile may not read', async () => {
    fake.setOptions({ denied: ['ListMFADevices'] });
    const result = await cli(['identity', '--profile', 'analyst', '--user', 'alice']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('user alice (AIDAALICEFAKE000001X)');
    expect(result.stdout).toContain('Groups: developers');
    expect(result.stdout).toContain('Deployer (customer-managed, on the user)');
    expect(result.stdout).toContain('AKIAALICEFAKE0000002 Inactive');
    expect(result.stdout).toContain('MFA: (not read)');
    expect(result.stdout).toMatch(/iam:PassRole: Deployer, Statement\[0\] \(Sid PassAny\), attached to user alice/);
    expect(result.stdout).toContain('Not allowed for this profile: iam:ListMFADevices');
    expect(result.stdout).toContain('4 hours');
  });

  test('--json holds the identity keyed by its unique id, the risk findings and the usage', async () => {
    const result = await cli(['identity', '--profile', 'analyst', '--user', 'alice', '--json']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { identity: { id: string }; risk: { findings: { id: string }[] }; usage: { neverUsed: string[] } };
    expect(output.identity.id).toBe('AIDAALICEFAKE000001X');
    expect(output.risk.findings.map((finding) => finding.id)).toEqual(expect.arrayContaining(['privesc-pass-role-ec2', 'credentials-secretsmanager-getsecretvalue', 'data-s3-getobject']));
    expect(output.usage.neverUsed).toEqual(expect.arrayContaining(['ec2', 'iam', 'secretsmanager']));
  });

  test('makes no mutating call', async () => {
    expect((await cli(['identity', '--profile', 'analyst', '--user', 'alice'])).code).toBe(0);
    expect((await cli(['identity', '--profile', 'analyst', '--role', 'deploy'])).code).toBe(0);
    expect(fake.calls.length).toBeGreaterThan(10);
    expect(fake.calls.filter((call) => MUTATING_ACTIONS.has(call.action)).map((call) => call.action)).toEqual([
      'GenerateServiceLastAccessedDetails',
      'GenerateServiceLastAccessedDetails',
    ]);
  });

  test('exit codes: 2 for bad usage, 1 for an unknown user, 3 for a missing profile', async () => {
    expect((await cli(['identity', '--profile', 'analyst', '--user', 'a', '--role', 'b'])).code).toBe(2);
    const missing = await cli(['identity', '--profile', 'analyst', '--user', 'mallory']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('IAM has no user named "mallory"');
    expect((await cli(['identity', '--profile', 'nobody', '--user', 'alice'])).code).toBe(3);
  });
});

describe('trailcase users', () => {
  beforeEach(() => {
    const now = Date.now();
    fake.state.users.push(
      fakeUser('stale', { createDate: new Date(now - 400 * DAY).toISOString(), accessKeys: [{ accessKeyId: 'AKIASTALEFAKE0000001', status: 'Active', createDate: new Date(now - 390 * DAY).toISOString(), lastUsed: { date: new Date(now - 200 * DAY).toISOString(), serviceName: 's3', region: 'us-east-1' } }] }),
      fakeUser('=1+2', { createDate: new Date(now - 300 * DAY).toISOString() }),
      fakeUser('fresh', { createDate: new Date(now - 2 * DAY).toISOString() }),
    );
    fake.state.users[0]!.accessKeys[0]!.lastUsed!.date = new Date(now - DAY).toISOString();
  });

  test('reads the report (generated first) with root and every user, the report\'s words kept', async () => {
    const result = await cli(['users', '--profile', 'analyst', '--json']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { users: { user: string; passwordLastUsed: string; root: boolean }[] };
    expect(output.users.map((user) => user.user)).toEqual(['<root_account>', 'alice', 'bob', 'stale', '=1+2', 'fresh']);
    expect(output.users[0]!.root).toBe(true);
    expect(output.users.find((user) => user.user === 'bob')?.passwordLastUsed).toBe('N/A');
    expect(fake.calls.map((call) => call.action)).toEqual(['GenerateCredentialReport', 'GenerateCredentialReport', 'GetCredentialReport']);
    expect(fake.mutations()).toEqual([]);
    expect(result.stderr).toContain('at most once every 4 hours');
  });

  test('--inactive 90d keeps users unused for longer, not those used lately or created lately', async () => {
    const result = await cli(['users', '--profile', 'analyst', '--inactive', '90d']);
    expect(result.code).toBe(0);
    const names = result.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual(['<root_account>', 'bob', 'stale', '=1+2']);
    expect(result.stdout.split('\n')[0]).toMatch(/^USER\s+CREATED\s+PASSWORD/);
  });

  test('--csv quotes every cell and neutralises a formula start in a user name', async () => {
    const result = await cli(['users', '--profile', 'analyst', '--inactive', '90d', '--csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('user,arn,created,passwordEnabled,passwordLastUsed,mfaActive,key1Active,key1LastUsed,key1Service,key2Active,key2LastUsed,key2Service,lastActivity,daysInactive');
    expect(lines.find((line) => line.includes('1+2'))).toMatch(/^"'=1\+2",/);
    expect(lines.find((line) => line.startsWith('"stale"'))).toContain('"200"');
  });

  test('a report in progress is waited for; an expired one is generated again', async () => {
    fake.jobs.reportDelayMs = 300;
    const first = await cli(['users', '--profile', 'analyst', '--json']);
    expect(first.code).toBe(0);
    expect(fake.calls.filter((call) => call.action === 'GenerateCredentialReport').length).toBeGreaterThan(1);
    fake.jobs.report = { startedAt: new Date(Date.now() - 5 * 3600_000), readyAt: new Date(Date.now() - 5 * 3600_000) };
    fake.jobs.reportDelayMs = 0;
    fake.calls.length = 0;
    const again = await cli(['users', '--profile', 'analyst', '--json']);
    expect(again.code).toBe(0);
    expect(fake.calls.map((call) => call.action)[0]).toBe('GenerateCredentialReport');
    expect(fake.calls.find((call) => call.action === 'GenerateCredentialReport')).toBeDefined();
    expect(Date.parse((JSON.parse(again.stdout) as { generatedAt: string }).generatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  test('a profile that may not generate reads the existing report, and says so when there is none', async () => {
    fake.setOptions({ denied: ['GenerateCredentialReport'] });
    const none = await cli(['users', '--profile', 'analyst']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('may not generate one');
    fake.jobs.report = { startedAt: new Date(), readyAt: new Date() };
    expect((await cli(['users', '--profile', 'analyst'])).code).toBe(0);
  });
});
