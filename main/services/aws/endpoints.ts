import { ApiError } from '../../../shared/api/errors';

type Section = Record<string, string | undefined>;

/** The AWS services Trailcase calls, spelled as in `AWS_ENDPOINT_URL_<SERVICE>`. */
export type AwsService = 'CLOUDTRAIL' | 'STS' | 'SSO' | 'SSO_OIDC' | 'IAM' | 'S3' | 'ATHENA' | 'ACCOUNT';

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

/** Where an endpoint may come from: the host's environment and the chosen profile, nothing else. */
export interface EndpointSources {
  env: NodeJS.ProcessEnv;
  /** The chosen profile's settings (config and credentials files merged). */
  profile: Section;
  /** The config file's sections, for the `[services NAME]` section the profile names. */
  sections?: Record<string, Section | undefined>;
}

const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === 'true';

/**
 * The endpoint of one service for the chosen profile, resolved as the AWS tools do:
 * `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the `<service> = endpoint_url` of the profile's
 * `services` section, then the profile's `endpoint_url`; `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or
 * the profile's `ignore_configured_endpoint_urls` turn them all off. Each one is checked.
 * Undefined means AWS's own endpoint for the region. The SDK's own lookup is never used: it
 * reads `[default]` or `AWS_PROFILE`'s profile from the process, not the profile chosen, unchecked.
 */
export function resolveEndpoint(service: AwsService, sources: EndpointSources): string | undefined {
  const { env, profile } = sources;
  if (isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(profile.ignore_configured_endpoint_urls)) return undefined;
  const specific = `AWS_ENDPOINT_URL_${service}`;
  if (env[specific]) return checkEndpoint(env[specific], specific);
  if (env.AWS_ENDPOINT_URL) return checkEndpoint(env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL');
  if (profile.services) {
    const section = sources.sections?.[`services.${profile.services}`];
    if (!section) {
      throw new ApiError(
        'CONFIG_INVALID',
        `The profile names services section "${profile.services.slice(0, 100)}", which is not in the config file: add [services ${profile.services.slice(0, 100)}] or remove the setting.`,
      );
    }
    const key = `${service.toLowerCase()}.endpoint_url`;
    const value = section[key];
    if (value) return checkEndpoint(value, `${service.toLowerCase()} endpoint_url in [services ${profile.services.slice(0, 100)}]`);
  }
  if (profile.endpoint_url) return checkEndpoint(profile.endpoint_url, 'endpoint_url');
  return undefined;
}

/**
 * The endpoint of a service from the environment and a profile's `endpoint_url` only (no
 * services section). Prefer `resolveEndpoint`, which reads the whole profile.
 */
export function configuredEndpoint(service: AwsService, env: NodeJS.ProcessEnv, profileEndpoint?: string): string | undefined {
  return resolveEndpoint(service, { env, profile: profileEndpoint ? { endpoint_url: profileEndpoint } : {} });
}

/**
 * The endpoint settings of every AWS client Trailcase builds: the resolved endpoint, or AWS's own,
 * and never the SDK's lookup in the process's environment and shared files (which would pick
 * `[default]`'s or `AWS_PROFILE`'s `endpoint_url` and `services`, unchecked, when the chosen
 * profile names none).
 */
export function clientEndpoint(endpoint: string | undefined): { endpoint?: string; ignoreConfiguredEndpointUrls: true } {
  return endpoint ? { endpoint, ignoreConfiguredEndpointUrls: true } : { ignoreConfiguredEndpointUrls: true };
}
