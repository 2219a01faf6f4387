import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateLoginProfileCommand,
  DeleteLoginProfileCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  SimulatePrincipalPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';
import type { IamCall, MutatingApi } from '../../../shared/containment/types';
import { awsClientOptions } from '../aws/client-options';
import type { ProfileSettings } from '../aws/credentials';
import { accountWideFailure, isAccessDenied, isNoSuchEntity, serviceText } from '../iam/iam-errors';
import { iamRegion } from '../iam/sdk-iam';
import type { ContainmentIam } from './containment-iam';

/* eslint-disable @typescript-eslint/no-explicit-any -- each command takes its own input type; the plan's params are checked by its schema */
const commands: Record<MutatingApi, new (input: any) => any> = {
  UpdateAccessKey: UpdateAccessKeyCommand,
  DeleteLoginProfile: DeleteLoginProfileCommand,
  CreateLoginProfile: CreateLoginProfileCommand,
  AttachUserPolicy: AttachUserPolicyCommand,
  DetachUserPolicy: DetachUserPolicyCommand,
  AttachRolePolicy: AttachRolePolicyCommand,
  DetachRolePolicy: DetachRolePolicyCommand,
  PutUserPolicy: PutUserPolicyCommand,
  DeleteUserPolicy: DeleteUserPolicyCommand,
  PutRolePolicy: PutRolePolicyCommand,
  DeleteRolePolicy: DeleteRolePolicyCommand,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A policy document as IAM sends it: URL-encoded JSON text. */
const decoded = (text: string | undefined) => {
  if (text === undefined) return '';
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * Containment's IAM calls over the SDK for one acting profile (AWS_ENDPOINT_URL_IAM and the
 * profile's endpoint settings through awsClientOptions). A call the profile may not make is
 * ACCESS_DENIED naming the action; expired or refused credentials are the credential errors.
 */
export function sdkContainmentIam(settings: ProfileSettings, credentials: AwsCredentialIdentity): ContainmentIam & { destroy(): void } {
  const client = new IAMClient({
    ...awsClientOptions('IAM', settings, { region: iamRegion(settings.region), http: { connectionTimeout: 5_000, requestTimeout: 20_000 } }),
    credentials,
    maxAttempts: 3,
  });
  async function call<T>(action: string, run: () => Promise<T>, onMissing?: () => T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (onMissing && isNoSuchEntity(error)) return onMissing();
      const fatal = accountWideFailure(error, settings.name);
      if (fatal) throw fatal;
      if (isAccessDenied(error)) {
        throw new ApiError('ACCESS_DENIED', `Profile "${settings.name}" may not call iam:${action}: ${serviceText(error)} Pick an acting profile allowed to contain, or ask for the permission.`);
      }
      throw error;
    }
  }
  const opts = (signal?: AbortSignal) => (signal ? { abortSignal: signal } : {});
  return {
    destroy: () => client.destroy(),
    getIdentity: (kind, name, signal) =>
      kind === 'user'
        ? call('GetUser', async () => {
            const { User: user } = await client.send(new GetUserCommand({ UserName: name }), opts(signal));
            return { kind, name: user?.UserName ?? name, uniqueId: user?.UserId ?? '', arn: user?.Arn ?? '' };
          }, () => null)
        : call('GetRole', async () => {
            const { Role: role } = await client.send(new GetRoleCommand({ RoleName: name }), opts(signal));
            return { kind, name: role?.RoleName ?? name, uniqueId: role?.RoleId ?? '', arn: role?.Arn ?? '' };
          }, () => null),
    listAccessKeys: (UserName, signal) =>
      call('ListAccessKeys', async () => {
        const keys: { accessKeyId: string; status: 'Active' | 'Inactive' }[] = [];
        let Marker: string | undefined;
        do {
          const page = await client.send(new ListAccessKeysCommand({ UserName, Marker }), opts(signal));
          for (const key of page.AccessKeyMetadata ?? []) keys.push({ accessKeyId: key.AccessKeyId ?? '', status: key.Status === 'Active' ? 'Active' : 'Inactive' });
          Marker = page.IsTruncated ? page.Marker : undefined;
        } while (Marker);
        return keys;
      }),
    getLoginProfile: (UserName, signal) =>
      call<{ exists: boolean; passwordResetRequired?: boolean }>('GetLoginProfile', async () => {
        const { LoginProfile: profile } = await client.send(new GetLoginProfileCommand({ UserName }), opts(signal));
        return { exists: true, passwordResetRequired: profile?.PasswordResetRequired === true };
      }, () => ({ exists: false })),
    listAttachedPolicyArns: (kind, name, signal) =>
      call(kind === 'user' ? 'ListAttachedUserPolicies' : 'ListAttachedRolePolicies', async () => {
        const arns: string[] = [];
        let Marker: string | undefined;
        do {
          const page =
            kind === 'user'
              ? await client.send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker }), opts(signal))
              : await client.send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker }), opts(signal));
          for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn) arns.push(policy.PolicyArn);
          Marker = page.IsTruncated ? page.Marker : undefined;
        } while (Marker);
        return arns;
      }),
    getInlinePolicy: (kind, name, PolicyName, signal) =>
      call(kind === 'user' ? 'GetUserPolicy' : 'GetRolePolicy', async () => {
        const answer =
          kind === 'user'
            ? await client.send(new GetUserPolicyCommand({ UserName: name, PolicyName }), opts(signal))
            : await client.send(new GetRolePolicyCommand({ RoleName: name, PolicyName }), opts(signal));
        return decoded(answer.PolicyDocument);
      }, () => null),
    send: (planned: IamCall, signal) =>
      call(planned.api, async () => {
        await client.send(new commands[planned.api]({ ...planned.params }), opts(signal));
      }),
    simulate: (arn, actionNames, tokenIssueTime, signal) =>
      call('SimulatePrincipalPolicy', async () => {
        const answer = await client.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: arn,
            ActionNames: [...actionNames],
            ...(tokenIssueTime
              ? { ContextEntries: [{ ContextKeyName: 'aws:TokenIssueTime', ContextKeyType: 'date', ContextKeyValues: [tokenIssueTime] }] }
              : {}),
          }),
          opts(signal),
        );
        return (answer.EvaluationResults ?? []).map((result) => ({ actionName: result.EvalActionName ?? '', decision: result.EvalDecision ?? '' }));
      }),
  };
}
