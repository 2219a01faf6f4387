import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';
import { mapCredentialError } from './credential-errors';
import { runCredentialProcess } from './credential-process';
import { configuredEndpoint } from './endpoints';
import { kindOf, sharedFilePaths } from './profiles';

type Section = Record<string, string | undefined>;

export interface ProfileSettings {
  name: string;
  kind: string;
  region: string | undefined;
  endpointUrl: string | undefined;
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
      return {
        settings: { name: profile, kind: 'env', region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION, endpointUrl: undefined },
        config: {},
      };
    }
    throw new ApiError(
      'PROFILE_NOT_FOUND',
      `There is no profile "${profile}" in ${paths.config} or ${paths.credentials}. Run \`aws configure --profile ${profile}\` or pick another profile.`,
    );
  }
  const merged = { ...credentials, ...config };
  return {
    settings: { name: profile, kind: kindOf(config, credentials), region: merged.region, endpointUrl: merged.endpoint_url },
    config: merged,
  };
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
      // fromIni hands SSO profiles to fromSSO without the file paths; call it with them.
      if (settings.kind === 'sso')
        return await fromSSO({ profile, filepath: paths.credentials, configFilepath: paths.config, ignoreCache: true })();
      const provider = fromIni({
        profile,
        filepath: paths.credentials,
        configFilepath: paths.config,
        ignoreCache: true,
        mfaCodeProvider: (mfaSerial) => deps.askMfaCode({ profile, mfaSerial }, signal),
        roleAssumer: (source, params) => assumeRole(source, params, settings, deps.env, signal),
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

/** AssumeRole through STS at the configured endpoint, with timeouts so a dead network fails fast. */
async function assumeRole(
  source: AwsCredentialIdentity,
  params: ConstructorParameters<typeof AssumeRoleCommand>[0],
  settings: ProfileSettings,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<AwsCredentialIdentity> {
  const endpoint = configuredEndpoint('STS', env, settings.endpointUrl);
  const sts = new STSClient({
    region: settings.region ?? env.AWS_REGION ?? 'us-east-1',
    credentials: source,
    maxAttempts: 2,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5000, requestTimeout: 20_000, throwOnRequestTimeout: true }),
    ...(endpoint ? { endpoint } : {}),
  });
  try {
    const { Credentials, AssumedRoleUser } = await sts.send(new AssumeRoleCommand(params), signal ? { abortSignal: signal } : {});
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
    const accountId = AssumedRoleUser?.Arn?.split(':')[4];
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      ...(Credentials.SessionToken ? { sessionToken: Credentials.SessionToken } : {}),
      ...(Credentials.Expiration ? { expiration: Credentials.Expiration } : {}),
      ...(accountId ? { accountId } : {}),
    };
  } finally {
    sts.destroy();
  }
}
