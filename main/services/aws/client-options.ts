import type { NodeHttpHandlerOptions } from '@smithy/node-http-handler';

import { checkedHttpHandler } from './checked-http-handler';
import type { CheckedHttpHandler } from './checked-http-handler';
import type { ProfileSettings } from './credentials';
import { clientEndpoint } from './endpoints';
import type { AwsService } from './endpoints';

/** The options every AWS client Trailcase builds starts from. */
export interface AwsClientOptions {
  region: string;
  requestHandler: CheckedHttpHandler;
  endpoint?: string;
  ignoreConfiguredEndpointUrls: true;
}

/**
 * The options of an AWS client (IAM, S3, Athena, CloudTrail, STS…) for the chosen profile: its
 * region, the checked HTTP handler (plain http only on loopback), and the profile's resolved
 * endpoint for that service, or AWS's own. Never the SDK's lookup of `[default]` or
 * `AWS_PROFILE`'s profile. Spread it first: `new IAMClient({ ...awsClientOptions('IAM', p), credentials })`.
 */
export function awsClientOptions(
  service: AwsService,
  profile: Pick<ProfileSettings, 'region' | 'endpoint'>,
  options: { region?: string; http?: NodeHttpHandlerOptions } = {},
): AwsClientOptions {
  return {
    region: options.region ?? profile.region ?? 'us-east-1',
    requestHandler: checkedHttpHandler(options.http),
    ...clientEndpoint(profile.endpoint(service)),
  };
}
