import { AccountClient, ListRegionsCommand } from '@aws-sdk/client-account';
import type { AwsCredentialIdentity } from '@smithy/types';

import { isApiError } from '../../../shared/api/errors';
import type { RegionDefaults } from '../../../shared/api/app-contract';
import { Region } from '../../../shared/api/primitives';
import { defaultRegionsOf } from '../../../shared/regions/partition-regions';
import { DEMO_REGIONS } from '../demo/demo-identities';
import { awsClientOptions } from './client-options';
import type { ProfileSettings } from './credentials';
import { readProfile } from './credentials';
import { DEMO_PROFILE } from './profiles';

/** One page of the account's `ListRegions` answer. */
export interface RegionPage {
  regions: { name?: string | undefined; status?: string | undefined }[];
  next?: string | undefined;
}

export interface RegionDeps {
  env: NodeJS.ProcessEnv;
  credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
  /** One ListRegions call (tests pass a fake; the default is the SDK's Account client). */
  listPage?(
    settings: ProfileSettings,
    credentials: AwsCredentialIdentity,
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<RegionPage>;
  timeoutMs?: number;
}

const MAX_PAGES = 10;
const MAX_REGIONS = 64;

/** The service's words, short and on one line, for "why the account's list was not used". */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // AWS's exception names say what went wrong (AccessDeniedException); ours already say it in words.
  const text = error instanceof Error && !isApiError(error) ? `${error.name}: ${message}` : message;
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

async function sdkListPage(
  settings: ProfileSettings,
  credentials: AwsCredentialIdentity,
  token: string | undefined,
  signal: AbortSignal,
): Promise<RegionPage> {
  // Endpoint rules of promise 7: AWS_ENDPOINT_URL_ACCOUNT, the profile's services section…
  const client = new AccountClient({
    ...awsClientOptions('ACCOUNT', settings, { http: { connectionTimeout: 5_000, requestTimeout: 10_000 } }),
    credentials,
    maxAttempts: 2,
  });
  try {
    const answer = await client.send(
      new ListRegionsCommand({
        RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'],
        MaxResults: 50,
        ...(token ? { NextToken: token } : {}),
      }),
      { abortSignal: signal },
    );
    return { regions: (answer.Regions ?? []).map((r) => ({ name: r.RegionName, status: r.RegionOptStatus })), next: answer.NextToken };
  } finally {
    client.destroy();
  }
}

/** Every enabled region the account's answer names, valid names only, us-east-1 first. */
async function enabledRegions(deps: RegionDeps, settings: ProfileSettings, signal: AbortSignal, cancel?: AbortSignal): Promise<string[]> {
  // Only the caller's cancel here, no time limit: an MFA code or SSO login is the analyst's to give.
  const credentials = await deps.credentials.get(settings.name, cancel);
  const listPage = deps.listPage ?? sdkListPage;
  const found = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await listPage(settings, credentials, token, signal);
    for (const region of answer.regions) {
      // The answer is the service's text: only well-formed region names, enabled ones, are kept.
      if (region.status !== 'ENABLED' && region.status !== 'ENABLED_BY_DEFAULT') continue;
      if (region.name && Region.safeParse(region.name).success) found.add(region.name);
    }
    token = answer.next;
    if (!token) break;
  }
  if (found.size === 0) throw new Error('ListRegions named no enabled region.');
  return [...found].sort((a, b) => (a === 'us-east-1' ? -1 : b === 'us-east-1' ? 1 : a.localeCompare(b))).slice(0, MAX_REGIONS);
}

/**
 * The regions a fetch with this profile searches by default: every region enabled for its
 * account (the Account API's ListRegions), else the partition's default regions with the reason
 * (denied, no network, credentials), and the demo account's three for the built-in demo profile.
 */
export function createRegionService(deps: RegionDeps) {
  return {
    /** `cancel` stops waiting for the credentials (Ctrl+C in the CLI); the answer is then the fallback. */
    async listRegions(profile: string, cancel?: AbortSignal): Promise<RegionDefaults> {
      const found = await readProfile(profile, deps.env).catch((error: unknown) => {
        if (profile === DEMO_PROFILE) return null;
        throw error;
      });
      if (!found) return { regions: [...DEMO_REGIONS], source: 'demo', reason: null };
      const { settings } = found;
      const timeout = AbortSignal.timeout(deps.timeoutMs ?? 20_000);
      const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
      try {
        return { regions: await enabledRegions(deps, settings, signal, cancel), source: 'account', reason: null };
      } catch (error) {
        return { regions: defaultRegionsOf(settings.region ?? deps.env.AWS_REGION), source: 'partition', reason: reasonOf(error) };
      }
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
