import { ApiError } from '../../../shared/api/errors';

/**
 * A configured endpoint, checked: https anywhere, plain http only on loopback, so credentials
 * signed for AWS never cross a network in clear text.
 */
export function checkEndpoint(value: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError('CONFIG_INVALID', `${setting} is not a URL: "${value.slice(0, 200)}".`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url.toString().replace(/\/$/, '');
  throw new ApiError('CONFIG_INVALID', `${setting} must be an https URL (plain http is allowed only on 127.0.0.1, localhost or [::1]).`);
}

/**
 * The endpoint of a service as the AWS tools choose it: `AWS_ENDPOINT_URL_<SERVICE>`, then
 * `AWS_ENDPOINT_URL`, then the profile's `endpoint_url`; undefined means AWS's own.
 */
export function configuredEndpoint(service: 'CLOUDTRAIL' | 'STS', env: NodeJS.ProcessEnv, profileEndpoint?: string): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  const specific = env[`AWS_ENDPOINT_URL_${service}`];
  if (specific) return checkEndpoint(specific, `AWS_ENDPOINT_URL_${service}`);
  if (env.AWS_ENDPOINT_URL) return checkEndpoint(env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL');
  if (profileEndpoint) return checkEndpoint(profileEndpoint, 'endpoint_url');
  return undefined;
}
