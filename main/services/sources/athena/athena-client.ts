import { AthenaClient } from '@aws-sdk/client-athena';
import type { AwsCredentialIdentity } from '@smithy/types';

import { awsClientOptions } from '../../aws/client-options';
import type { ProfileSettings } from '../../aws/credentials';

/**
 * An Athena client for one profile, built as the IAM service builds its own: the profile's
 * region and resolved endpoint (`AWS_ENDPOINT_URL_ATHENA`, the profile's services section,
 * checked), the checked HTTP handler, and the profile's credentials. `region` overrides the
 * profile's (the table's region is where its queries run).
 */
export function openAthena(settings: ProfileSettings, credentials: AwsCredentialIdentity, region?: string): AthenaClient {
  return new AthenaClient({
    ...awsClientOptions('ATHENA', settings, { ...(region ? { region } : {}), http: { connectionTimeout: 5_000, requestTimeout: 30_000 } }),
    credentials,
  });
}
