import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Credentials } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';

import { checkedHttpHandler } from './checked-http-handler';
import { clientEndpoint } from './endpoints';

/** Where STS calls of one profile go: its region and its resolved (checked) endpoint. */
export interface StsTarget {
  region: string;
  endpoint: string | undefined;
}

/** An STS client at the profile's endpoint, with timeouts so a dead network fails fast. */
function stsClient(target: StsTarget, credentials?: AwsCredentialIdentity): STSClient {
  return new STSClient({
    region: target.region,
    ...(credentials ? { credentials } : {}),
    maxAttempts: 2,
    requestHandler: checkedHttpHandler(),
    ...clientEndpoint(target.endpoint),
  });
}

function toIdentity(credentials: Credentials | undefined, arn: string | undefined, call: string): AwsCredentialIdentity {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new Error(`${call} returned no credentials`);
  const accountId = arn?.split(':')[4];
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
    ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
    ...(accountId ? { accountId } : {}),
  };
}

/** AssumeRole with the source profile's credentials (the role_arn + source_profile kind). */
export async function assumeRole(
  target: StsTarget,
  source: AwsCredentialIdentity,
  params: ConstructorParameters<typeof AssumeRoleCommand>[0],
  signal?: AbortSignal,
): Promise<AwsCredentialIdentity> {
  const sts = stsClient(target, source);
  try {
    const { Credentials, AssumedRoleUser } = await sts.send(new AssumeRoleCommand(params), signal ? { abortSignal: signal } : {});
    return toIdentity(Credentials, AssumedRoleUser?.Arn, 'AssumeRole');
  } finally {
    sts.destroy();
  }
}

/** AssumeRoleWithWebIdentity (a profile's web_identity_token_file), unsigned, at the same endpoint. */
export async function assumeRoleWithWebIdentity(
  target: StsTarget,
  params: ConstructorParameters<typeof AssumeRoleWithWebIdentityCommand>[0],
): Promise<AwsCredentialIdentity> {
  const sts = stsClient(target);
  try {
    const { Credentials, AssumedRoleUser } = await sts.send(new AssumeRoleWithWebIdentityCommand(params));
    return toIdentity(Credentials, AssumedRoleUser?.Arn, 'AssumeRoleWithWebIdentity');
  } finally {
    sts.destroy();
  }
}
