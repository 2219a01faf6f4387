import {
  GenerateCredentialReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  GetGroupPolicyCommand,
  GetLoginProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetServiceLastAccessedDetailsCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
} from '@aws-sdk/client-iam';
import type { Tag as SdkTag } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity } from '@smithy/types';

import { awsClientOptions } from '../aws/client-options';
import type { ProfileSettings } from '../aws/credentials';
import type { ConcurrencyLimit } from './concurrency';
import { decodeDocument } from './iam-api';
import type { IamReads, PrincipalKind } from './iam-api';

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);
const tags = (list: SdkTag[] | undefined) => (list ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' }));

/** IAM is global: its endpoint is in us-east-1 (or the partition's own region in China and GovCloud). */
export function iamRegion(region: string | undefined): string {
  if (region?.startsWith('cn-')) return 'cn-north-1';
  if (region?.startsWith('us-gov-')) return 'us-gov-west-1';
  return 'us-east-1';
}

/** Every page of a Marker-paged IAM list. */
async function allPages<T>(page: (marker: string | undefined) => Promise<{ items: T[]; marker?: string | undefined; truncated?: boolean | undefined }>): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  for (let count = 0; count < 100; count += 1) {
    const answer = await page(marker);
    items.push(...answer.items);
    if (!answer.truncated || !answer.marker) break;
    marker = answer.marker;
  }
  return items;
}

const capital = (kind: PrincipalKind) => (kind === 'user' ? 'User' : kind === 'role' ? 'Role' : 'Group');

/**
 * The IAM reads over the SDK, for one profile: the client built from `awsClientOptions('IAM')`
 * (AWS_ENDPOINT_URL_IAM, the profile's services section, checked endpoints), every call through
 * one concurrency limit. A failed call's error gets `iamAction`, the action that failed.
 */
export function sdkIamReads(settings: ProfileSettings, credentials: AwsCredentialIdentity, limit: ConcurrencyLimit): IamReads & { destroy(): void } {
  const client = new IAMClient({
    ...awsClientOptions('IAM', settings, { region: iamRegion(settings.region), http: { connectionTimeout: 5_000, requestTimeout: 20_000 } }),
    credentials,
  });
  async function send<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await limit(run);
    } catch (error) {
      if (error && typeof error === 'object') Object.assign(error, { iamAction: action });
      throw error;
    }
  }
  const max = { MaxItems: 1000 };
  return {
    destroy: () => client.destroy(),
    getUser: (UserName) =>
      send('GetUser', async () => {
        const { User: user } = await client.send(new GetUserCommand({ UserName }));
        return {
          name: user?.UserName ?? UserName,
          id: user?.UserId ?? '',
          arn: user?.Arn ?? '',
          path: user?.Path ?? '/',
          createDate: iso(user?.CreateDate),
          passwordLastUsed: iso(user?.PasswordLastUsed),
          permissionsBoundaryArn: user?.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
          tags: tags(user?.Tags),
        };
      }),
    getRole: (RoleName) =>
      send('GetRole', async () => {
        const { Role: role } = await client.send(new GetRoleCommand({ RoleName }));
        return {
          name: role?.RoleName ?? RoleName,
          id: role?.RoleId ?? '',
          arn: role?.Arn ?? '',
          path: role?.Path ?? '/',
          createDate: iso(role?.CreateDate),
          permissionsBoundaryArn: role?.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
          tags: tags(role?.Tags),
          assumeRolePolicy: decodeDocument(role?.AssumeRolePolicyDocument),
          description: role?.Description ?? null,
          maxSessionDuration: role?.MaxSessionDuration ?? null,
          lastUsed: role?.RoleLastUsed ? { date: iso(role.RoleLastUsed.LastUsedDate), region: role.RoleLastUsed.Region ?? null } : null,
        };
      }),
    listGroupsForUser: (UserName) =>
      allPages(async (Marker) => {
        const answer = await send('ListGroupsForUser', () => client.send(new ListGroupsForUserCommand({ UserName, Marker, ...max })));
        const items = (answer.Groups ?? []).map((group) => ({ name: group.GroupName ?? '', arn: group.Arn ?? '', id: group.GroupId ?? '' }));
        return { items, marker: answer.Marker, truncated: answer.IsTruncated };
      }),
    listAttachedPolicies: (kind, name) =>
      allPages(async (Marker) => {
        const action = `ListAttached${capital(kind)}Policies`;
        const answer = await send(action, () =>
          kind === 'user'
            ? client.send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker, ...max }))
            : kind === 'role'
              ? client.send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker, ...max }))
              : client.send(new ListAttachedGroupPoliciesCommand({ GroupName: name, Marker, ...max })),
        );
        const items = (answer.AttachedPolicies ?? []).map((policy) => ({ name: policy.PolicyName ?? '', arn: policy.PolicyArn ?? '' }));
        return { items, marker: answer.Marker, truncated: answer.IsTruncated };
      }),
    listInlinePolicyNames: (kind, name) =>
      allPages(async (Marker) => {
        const answer = await send(`List${capital(kind)}Policies`, () =>
          kind === 'user'
            ? client.send(new ListUserPoliciesCommand({ UserName: name, Marker, ...max }))
            : kind === 'role'
              ? client.send(new ListRolePoliciesCommand({ RoleName: name, Marker, ...max }))
              : client.send(new ListGroupPoliciesCommand({ GroupName: name, Marker, ...max })),
        );
        return { items: answer.PolicyNames ?? [], marker: answer.Marker, truncated: answer.IsTruncated };
      }),
    getInlinePolicy: (kind, name, PolicyName) =>
      send(`Get${capital(kind)}Policy`, async () => {
        const answer =
          kind === 'user'
            ? await client.send(new GetUserPolicyCommand({ UserName: name, PolicyName }))
            : kind === 'role'
              ? await client.send(new GetRolePolicyCommand({ RoleName: name, PolicyName }))
              : await client.send(new GetGroupPolicyCommand({ GroupName: name, PolicyName }));
        return decodeDocument(answer.PolicyDocument);
      }),
    getManagedPolicy: async (PolicyArn) => {
      const { Policy: policy } = await send('GetPolicy', () => client.send(new GetPolicyCommand({ PolicyArn })));
      const VersionId = policy?.DefaultVersionId;
      const version = VersionId
        ? await send('GetPolicyVersion', () => client.send(new GetPolicyVersionCommand({ PolicyArn, VersionId })))
        : undefined;
      return { name: policy?.PolicyName ?? PolicyArn.split('/').pop() ?? PolicyArn, arn: PolicyArn, versionId: VersionId ?? null, document: decodeDocument(version?.PolicyVersion?.Document) };
    },
    listAccessKeys: (UserName) =>
      allPages(async (Marker) => {
        const answer = await send('ListAccessKeys', () => client.send(new ListAccessKeysCommand({ UserName, Marker, ...max })));
        const items = (answer.AccessKeyMetadata ?? []).map((key) => ({ accessKeyId: key.AccessKeyId ?? '', status: key.Status ?? 'Unknown', createDate: iso(key.CreateDate) }));
        return { items, marker: answer.Marker, truncated: answer.IsTruncated };
      }),
    getAccessKeyLastUsed: (AccessKeyId) =>
      send('GetAccessKeyLastUsed', async () => {
        const used = (await client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId }))).AccessKeyLastUsed;
        if (!used?.LastUsedDate) return null;
        const known = (text: string | undefined) => (text && text !== 'N/A' ? text : null);
        return { date: used.LastUsedDate.toISOString(), serviceName: known(used.ServiceName), region: known(used.Region) };
      }),
    accessKeyOwner: (AccessKeyId) =>
      send('GetAccessKeyLastUsed', async () => (await client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId }))).UserName ?? null),
    listMfaDevices: (UserName) =>
      allPages(async (Marker) => {
        const answer = await send('ListMFADevices', () => client.send(new ListMFADevicesCommand({ UserName, Marker, ...max })));
        const items = (answer.MFADevices ?? []).map((device) => ({ serialNumber: device.SerialNumber ?? '', enableDate: iso(device.EnableDate) }));
        return { items, marker: answer.Marker, truncated: answer.IsTruncated };
      }),
    getLoginProfile: (UserName) =>
      send('GetLoginProfile', async () => {
        const profile = (await client.send(new GetLoginProfileCommand({ UserName }))).LoginProfile;
        return { createDate: iso(profile?.CreateDate), passwordResetRequired: profile?.PasswordResetRequired ?? null };
      }),
    generateServiceLastAccessedDetails: (Arn) =>
      send('GenerateServiceLastAccessedDetails', async () => (await client.send(new GenerateServiceLastAccessedDetailsCommand({ Arn }))).JobId ?? ''),
    getServiceLastAccessedDetails: async (JobId) => {
      const services: Awaited<ReturnType<IamReads['getServiceLastAccessedDetails']>>['services'] = [];
      let Marker: string | undefined;
      for (let count = 0; count < 50; count += 1) {
        const answer = await send('GetServiceLastAccessedDetails', () => client.send(new GetServiceLastAccessedDetailsCommand({ JobId, Marker, MaxItems: 1000 })));
        const status = answer.JobStatus === 'COMPLETED' ? 'COMPLETED' : answer.JobStatus === 'FAILED' ? 'FAILED' : 'IN_PROGRESS';
        for (const service of answer.ServicesLastAccessed ?? []) {
          services.push({
            serviceName: service.ServiceName ?? '',
            serviceNamespace: service.ServiceNamespace ?? '',
            lastAuthenticated: iso(service.LastAuthenticated),
            lastAuthenticatedEntity: service.LastAuthenticatedEntity ?? null,
            lastAuthenticatedRegion: service.LastAuthenticatedRegion ?? null,
          });
        }
        if (status !== 'COMPLETED' || !answer.IsTruncated || !answer.Marker) {
          return { status, completedAt: iso(answer.JobCompletionDate), error: answer.Error?.Message ?? null, services };
        }
        Marker = answer.Marker;
      }
      return { status: 'COMPLETED', completedAt: null, error: null, services };
    },
    generateCredentialReport: () => send('GenerateCredentialReport', async () => (await client.send(new GenerateCredentialReportCommand({}))).State ?? ''),
    getCredentialReport: () =>
      send('GetCredentialReport', async () => {
        const answer = await client.send(new GetCredentialReportCommand({}));
        return { csv: new TextDecoder().decode(answer.Content ?? new Uint8Array()), generatedAt: iso(answer.GeneratedTime) };
      }),
  };
}
