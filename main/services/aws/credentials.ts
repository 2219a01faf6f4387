import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';
import { checkedHttpHandler } from './checked-http-handler';
import { mapCredentialError } from './credential-errors';
import { runCredentialProcess } from './credential-process';
import { clientEndpoint, resolveEndpoint } from './endpoints';
import type { AwsService } from './endpoints';
import { kindOf, sharedFilePaths } from './profiles';
import { assumeRoleFromProcess } from './role-from-process';
import { assumeRole, assumeRoleWithWebIdentity } from './sts';
import type { StsTarget } from './sts';

type Section = Record<string, string | undefined>;

export interface ProfileSettings {
  name: string;
  kind: string;
  region: string | undefined;
  /** The checked endpoint of a service for this profile; undefined is AWS's own (resolveEndpoint). */
  endpoint(service: AwsService): string | undefined;
}

export interface CredentialDeps {
  env: NodeJS.ProcessEnv;
  askMfaCode(request: { profile: string; mfaSerial: string }, signal?: AbortSignal): Promise<string>;
  processTimeoutMs?: number;
}

/** Credentials are fetched again this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** Reads one profile's settings from the shared files (read anew each time: Retry sees fixes). */
export async function readProfile(profile: string, env: NodeJS.ProcessEnv): Promise<{ settings: ProfileSettings; config: Section }> {
  const paths = sharedFilePaths(env);
  const files = await loadSharedConfigFiles({ filepath: paths.credentials, configFilepath: paths.config, ignoreCache: true });
  const config = (files.configFile as Record<string, Section>)[profile];
  const credentials = (files.credentialsFile as Record<string, Section>)[profile];
  if (!config && !credentials) {
    if (profile === 'environment' && env.AWS_ACCESS_KEY_ID) {
      const endpoint = (service: AwsService) => resolveEndpoint(service, { env, profile: {} });
      return { settings: { name: profile, kind: 'env', region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION, endpoint }, config: {} };
    }
    throw new ApiError(
      'PROFILE_NOT_FOUND',
      `There is no profile "${profile}" in ${paths.config} or ${paths.credentials}. Run \`aws configure --profile ${profile}\` or pick another profile.`,
    );
  }
  const merged = { ...credentials, ...config };
  const sections = files.configFile as Record<string, Section>;
  const endpoint = (service: AwsService) => resolveEndpoint(service, { env, profile: merged, sections });
  return { settings: { name: profile, kind: kindOf(config, credentials), region: merged.region, endpoint }, config: merged };
}

/**
 * Resolves and keeps each profile's credentials until shortly before they expire, so an MFA code
 * is asked once per credential lifetime. `forget` drops them, so Retry reads the files again.
 */
export function createCredentialCache(deps: CredentialDeps) {
  const cache = new Map<string, Promise<AwsCredentialIdentity>>();

  async function resolveFresh(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> {
    const { settings, config } = await readProfile(profile, deps.env);
    try {
      if (settings.kind === 'env') return fromEnvironment(deps.env);
      if (settings.kind === 'process' && config.credential_process) {
        return await runCredentialProcess(config.credential_process, {
          profile,
          env: deps.env,
          timeoutMs: deps.processTimeoutMs ?? 30_000,
          ...(signal ? { signal } : {}),
        });
      }
      const paths = sharedFilePaths(deps.env);
      const files = { filepath: paths.credentials, configFilepath: paths.config, ignoreCache: true };
      // fromIni hands SSO profiles to fromSSO without the file paths; call it with them.
      if (settings.kind === 'sso') return await fromSSO({ profile, ...files, clientConfig: ssoClientConfig(settings) })();
      const sts = (): StsTarget => ({ region: settings.region ?? deps.env.AWS_REGION ?? 'us-east-1', endpoint: settings.endpoint('STS') });
      const source = settings.kind === 'role' && config.source_profile ? await readProfile(config.source_profile, deps.env) : null;
      if (source?.settings.kind === 'process' && source.config.credential_process) {
        return await assumeRoleFromProcess({
          profile,
          role: config,
          source: { name: source.settings.name, command: source.config.credential_process },
          sts: sts(),
          env: deps.env,
          timeoutMs: deps.processTimeoutMs ?? 30_000,
          askMfaCode: deps.askMfaCode,
          ...(signal ? { signal } : {}),
        });
      }
      const provider = fromIni({
        profile,
        ...files,
        mfaCodeProvider: (mfaSerial) => deps.askMfaCode({ profile, mfaSerial }, signal),
        roleAssumer: (source, params) => assumeRole(sts(), source, params, signal),
        roleAssumerWithWebIdentity: (params) => assumeRoleWithWebIdentity(sts(), params),
        // The clients fromIni builds itself (an SSO source_profile's) go to AWS's own endpoint,
        // never to one the SDK would read from [default] or AWS_PROFILE's profile.
        clientConfig: { ...clientEndpoint(undefined), requestHandler: checkedHttpHandler() },
      });
      return await provider();
    } catch (error) {
      throw mapCredentialError(error, profile, settings.kind);
    }
  }

  function get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> {
    const cached = cache.get(profile);
    if (cached) {
      return cached.then((credentials) => {
        if (!credentials.expiration || credentials.expiration.getTime() - REFRESH_MARGIN_MS > Date.now()) return credentials;
        if (cache.get(profile) === cached) cache.delete(profile);
        return get(profile, signal);
      });
    }
    const pending = resolveFresh(profile, signal);
    cache.set(profile, pending);
    pending.catch(() => {
      if (cache.get(profile) === pending) cache.delete(profile);
    });
    return pending;
  }

  return {
    /** The profile's credentials, from the cache while they are fresh. */
    get,
    forget(profile: string): void {
      cache.delete(profile);
    },
  };
}

export type CredentialCache = ReturnType<typeof createCredentialCache>;

/** Keys from the host's environment (the SDK's fromEnv reads process.env, not the host's env). */
function fromEnvironment(env: NodeJS.ProcessEnv): AwsCredentialIdentity {
  const {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SESSION_TOKEN: sessionToken,
    AWS_ACCOUNT_ID: accountId,
  } = env;
  if (!accessKeyId || !secretAccessKey)
    throw new ApiError(
      'CREDENTIALS_MISSING',
      'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set to use the environment profile.',
    );
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(accountId ? { accountId } : {}) };
}

/**
 * The SSO portal client's settings (fromSSO also gives them to the SSO-OIDC client that renews a
 * session's token): the profile's resolved endpoint, checked, and never the SDK's own lookup.
 */
function ssoClientConfig(settings: ProfileSettings) {
  const sso = settings.endpoint('SSO');
  if (sso !== settings.endpoint('SSO_OIDC')) {
    throw new ApiError(
      'CONFIG_INVALID',
      `Profile "${settings.name}" sets different SSO and SSO-OIDC endpoints; Trailcase sends both to one: set AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC alike (or AWS_ENDPOINT_URL).`,
    );
  }
  return { ...clientEndpoint(sso), requestHandler: checkedHttpHandler() };
}
