import { fakeGroup, fakeIamState, fakePolicy, fakeRole, fakeUser } from './fake-iam-state';
import type { FakeIamState } from './fake-iam-state';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

/**
 * An account with one user worth investigating: `alice`, in the `developers` group, with an
 * attached customer policy, an inline policy, a boundary, two keys (one used), MFA, a console
 * password and tags; `bob` has nothing; the role `deploy` has a managed and an inline policy.
 */
export function investigationAccount(): FakeIamState {
  const state = fakeIamState();
  const account = state.account;
  const deployer = fakePolicy(account, 'Deployer', doc({ Sid: 'PassAny', Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }));
  const boundary = fakePolicy(account, 'DevBoundary', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
  const readS3 = fakePolicy(account, 'ReadBuckets', doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }));
  state.policies.push(deployer, boundary, readS3);
  state.groups.push(
    fakeGroup('developers', {
      attached: [readS3.arn],
      inline: { 'dev-secrets': JSON.stringify(doc({ Sid: 'Secrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' })) },
    }),
  );
  state.users.push(
    fakeUser('alice', {
      userId: 'AIDAALICEFAKE000001X',
      groups: ['developers'],
      attached: [deployer.arn],
      inline: { 'self-keys': JSON.stringify(doc({ Sid: 'Keys', Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' })) },
      permissionsBoundary: boundary.arn,
      tags: [{ key: 'team', value: 'payments' }],
      accessKeys: [
        { accessKeyId: 'AKIAALICEFAKE0000001', status: 'Active', createDate: '2025-02-01T10:00:00Z', lastUsed: { date: '2026-11-30T08:15:00Z', serviceName: 's3', region: 'eu-west-1' } },
        { accessKeyId: 'AKIAALICEFAKE0000002', status: 'Inactive', createDate: '2025-06-01T10:00:00Z' },
      ],
      mfaDevices: [{ serialNumber: `arn:aws:iam::${account}:mfa/alice`, enableDate: '2025-01-16T10:00:00Z' }],
      loginProfile: { createDate: '2025-01-15T09:05:00Z', passwordResetRequired: false },
      passwordLastUsed: '2026-11-29T17:40:00Z',
    }),
    fakeUser('bob', { userId: 'AIDABOBFAKE00000001X', createDate: '2024-03-01T09:00:00Z' }),
  );
  state.roles.push(
    fakeRole('deploy', {
      roleId: 'AROADEPLOYFAKE00001X',
      attached: [deployer.arn],
      inline: { 'deploy-logs': JSON.stringify(doc({ Effect: 'Allow', Action: 'logs:*', Resource: '*' })) },
      lastUsed: { date: '2026-11-28T12:00:00Z', region: 'us-east-1' },
    }),
  );
  state.serviceAccess[`arn:aws:iam::${account}:user/alice`] = [
    { serviceName: 'Amazon S3', serviceNamespace: 's3', lastAuthenticated: '2026-11-30T08:15:00Z', lastAuthenticatedEntity: `arn:aws:iam::${account}:user/alice`, lastAuthenticatedRegion: 'eu-west-1', totalAuthenticatedEntities: 1 },
    { serviceName: 'Amazon EC2', serviceNamespace: 'ec2', totalAuthenticatedEntities: 0 },
    { serviceName: 'AWS Identity and Access Management', serviceNamespace: 'iam', totalAuthenticatedEntities: 0 },
  ];
  return state;
}
