import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { awsCliRunner, hasAwsCli } from '../../support/aws-cli';
import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { investigationAccount } from '../../fakes/iam/fake-iam-fixtures';
import { CREDENTIAL_REPORT_COLUMNS } from '../../fakes/iam/fake-iam-jobs';

let fake: FakeIam;
let home: string;

/** The AWS CLI (botocore) is an independent client of IAM's Query protocol: what it reads, the SDK reads (test/support/aws-cli.ts). */
const { aws, awsJson } = awsCliRunner('iam', () => ({ endpoint: fake.url, home }));

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'trailcase-iam-cli-'));
  fake = await startFakeIam({ state: investigationAccount() });
});
afterEach(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!hasAwsCli)('the fake IAM, checked with the AWS CLI (skipped: `aws` is not installed; .ci/run installs awscli)', () => {
  test('get-user reads the user, its boundary and tags', async () => {
    const { User } = await awsJson<{ User: Record<string, unknown> }>(['get-user', '--user-name', 'alice']);
    expect(User).toMatchObject({
      UserName: 'alice',
      UserId: 'AIDAALICEFAKE000001X',
      Arn: 'arn:aws:iam::111122223333:user/alice',
      PermissionsBoundary: { PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/DevBoundary' },
      Tags: [{ Key: 'team', Value: 'payments' }],
    });
    expect(fake.calls.at(-1)).toMatchObject({ action: 'GetUser', accessKeyId: 'AKIAFAKEAWSCLI000001', params: { UserName: 'alice', Version: '2010-05-08' } });
  });

  test('an unknown user is NoSuchEntity, and a denied action AccessDenied, with their messages', async () => {
    const missing = await aws(['get-user', '--user-name', 'nobody']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('(NoSuchEntity)');
    expect(missing.stderr).toContain('The user with name nobody cannot be found.');
    fake.setOptions({ denied: ['ListAccessKeys'] });
    const denied = await aws(['list-access-keys', '--user-name', 'alice']);
    expect(denied.stderr).toContain('(AccessDenied)');
    expect(denied.stderr).toContain('iam:ListAccessKeys');
  });

  test('pages follow Marker and IsTruncated: the CLI gathers every page of list-users', async () => {
    for (let index = 0; index < 7; index += 1) fake.state.users.push({ ...fake.state.users[1]!, userName: `user-${index}`, userId: `AIDAUSER${index}FAKE00000X` });
    const { Users } = await awsJson<{ Users: { UserName: string }[] }>(['list-users', '--page-size', '3']);
    expect(Users.map((user) => user.UserName)).toEqual(fake.state.users.map((user) => user.userName));
    expect(fake.calls.filter((call) => call.action === 'ListUsers')).toHaveLength(3);
    expect(fake.calls.filter((call) => call.action === 'ListUsers').map((call) => call.params.MaxItems)).toEqual(['3', '3', '3']);
  });

  test('policy documents arrive URL-encoded and the CLI decodes them to the JSON stored', async () => {
    const { PolicyDocument } = await awsJson<{ PolicyDocument: unknown }>(['get-user-policy', '--user-name', 'alice', '--policy-name', 'self-keys']);
    expect(PolicyDocument).toEqual(JSON.parse(fake.state.users[0]!.inline['self-keys']!));
    const { Policy } = await awsJson<{ Policy: { DefaultVersionId: string; AttachmentCount: number } }>(['get-policy', '--policy-arn', 'arn:aws:iam::111122223333:policy/Deployer']);
    expect(Policy).toMatchObject({ DefaultVersionId: 'v1', AttachmentCount: 2 });
    const { PolicyVersion } = await awsJson<{ PolicyVersion: { Document: { Statement: { Sid: string }[] } } }>([
      'get-policy-version', '--policy-arn', 'arn:aws:iam::111122223333:policy/Deployer', '--version-id', 'v1',
    ]);
    expect(PolicyVersion.Document.Statement[0]!.Sid).toBe('PassAny');
  });

  test('keys, their last use, MFA and the login profile; no login profile is NoSuchEntity', async () => {
    const keys = await awsJson<{ AccessKeyMetadata: { AccessKeyId: string; Status: string }[] }>(['list-access-keys', '--user-name', 'alice']);
    expect(keys.AccessKeyMetadata.map((key) => [key.AccessKeyId, key.Status])).toEqual([['AKIAALICEFAKE0000001', 'Active'], ['AKIAALICEFAKE0000002', 'Inactive']]);
    const used = await awsJson<{ AccessKeyLastUsed: Record<string, string> }>(['get-access-key-last-used', '--access-key-id', 'AKIAALICEFAKE0000002']);
    expect(used.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
    const mfa = await awsJson<{ MFADevices: { SerialNumber: string }[] }>(['list-mfa-devices', '--user-name', 'alice']);
    expect(mfa.MFADevices[0]!.SerialNumber).toBe('arn:aws:iam::111122223333:mfa/alice');
    expect((await aws(['get-login-profile', '--user-name', 'bob'])).stderr).toContain('(NoSuchEntity)');
  });

  test('the credential report: not present, started, then a base64 CSV of 22 columns with root first', async () => {
    expect((await aws(['get-credential-report'])).stderr).toContain('(ReportNotPresent)');
    expect(await awsJson<{ State: string }>(['generate-credential-report'])).toMatchObject({ State: 'STARTED' });
    const report = await awsJson<{ Content: string; ReportFormat: string }>(['get-credential-report']);
    expect(report.ReportFormat).toBe('text/csv');
    const lines = Buffer.from(report.Content, 'base64').toString('utf8').split('\n');
    expect(lines[0]!.split(',')).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect(lines[1]!.split(',').slice(0, 4)).toEqual(['<root_account>', 'arn:aws:iam::111122223333:root', '2023-03-01T10:00:00+00:00', 'not_supported']);
    expect(lines[3]!.split(',').slice(0, 5)).toEqual(['bob', 'arn:aws:iam::111122223333:user/bob', '2024-03-01T09:00:00+00:00', 'false', 'N/A']);
  });

  test('the services-last-accessed job answers IN_PROGRESS, then COMPLETED with the services', async () => {
    const { JobId } = await awsJson<{ JobId: string }>(['generate-service-last-accessed-details', '--arn', 'arn:aws:iam::111122223333:user/alice']);
    expect(await awsJson<{ JobStatus: string }>(['get-service-last-accessed-details', '--job-id', JobId])).toMatchObject({ JobStatus: 'IN_PROGRESS' });
    const done = await awsJson<{ JobStatus: string; ServicesLastAccessed: { ServiceNamespace: string }[] }>(['get-service-last-accessed-details', '--job-id', JobId]);
    expect(done.JobStatus).toBe('COMPLETED');
    expect(done.ServicesLastAccessed.map((service) => service.ServiceNamespace)).toEqual(['s3', 'ec2', 'iam']);
  });

  test('mutations change the state and are logged; the simulator sees an attached deny', async () => {
    const update = await aws(['update-access-key', '--user-name', 'alice', '--access-key-id', 'AKIAALICEFAKE0000001', '--status', 'Inactive']);
    expect(update.code).toBe(0);
    expect((await aws(['attach-user-policy', '--user-name', 'alice', '--policy-arn', 'arn:aws:iam::aws:policy/AWSDenyAll'])).code).toBe(0);
    expect(fake.state.users[0]!.accessKeys[0]!.status).toBe('Inactive');
    expect(fake.mutations().map((call) => call.action)).toEqual(['UpdateAccessKey', 'AttachUserPolicy']);
    const simulated = await awsJson<{ EvaluationResults: { EvalDecision: string }[] }>([
      'simulate-principal-policy', '--policy-source-arn', 'arn:aws:iam::111122223333:user/alice', '--action-names', 's3:GetObject',
    ]);
    expect(simulated.EvaluationResults[0]!.EvalDecision).toBe('explicitDeny');
  });
});
