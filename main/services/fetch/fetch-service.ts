import { join } from 'node:path';

import type { HostContext } from '../../hosts/host-context';
import { accountOfAccessKey } from '../aws/account-of-key';
import { createCredentialCache, readProfile } from '../aws/credentials';
import { DEMO_PROFILE } from '../aws/profiles';
import type { RegionTuning } from '../cloudtrail/region-runner';
import { createSdkSource } from '../cloudtrail/sdk-source';
import type { LookupSource } from '../cloudtrail/types';
import { prepareDemoLogFiles } from '../demo/demo-log-files';
import { createDemoSource } from '../demo/demo-source';
import { createFetchManager } from './fetch-manager';
import { createFetchStore, sourceKeyOf } from './fetch-store';
import { openSourceDriver } from './source-drivers';

export interface FetchServiceOptions {
  tuning?: RegionTuning;
  requestTimeoutMs?: number;
  processTimeoutMs?: number;
  /** LookupEvents calls per second per account and region (tests only; the service allows 2). */
  callsPerSecond?: number;
}

/**
 * The fetch engine of one host: credentials per profile, a lookup source per profile (the demo
 * profile's is in-process), and the manager that runs, stores and streams fetches.
 */
export function createFetchService(ctx: Pick<HostContext, 'env' | 'cacheDir' | 'emit' | 'askMfaCode'>, options: FetchServiceOptions = {}) {
  const credentials = createCredentialCache({
    env: ctx.env,
    askMfaCode: ctx.askMfaCode,
    ...(options.processTimeoutMs ? { processTimeoutMs: options.processTimeoutMs } : {}),
  });
  const sources = new Map<string, LookupSource & { destroy?(): void }>();

  async function sourceFor(profile: string, signal?: AbortSignal): Promise<LookupSource> {
    // A real profile named "demo" in the shared files wins over the built-in one, as in listProfiles.
    const found = await readProfile(profile, ctx.env).catch((error: unknown) => {
      if (profile === DEMO_PROFILE) return null;
      throw error;
    });
    if (!found) return createDemoSource();
    const { settings } = found;
    // Resolved from the chosen profile only, checked, and the same one the cache key names.
    const endpoint = settings.endpoint('CLOUDTRAIL');
    // Resolving now turns a missing, expired or MFA-guarded credential into a clear start error.
    const resolved = await credentials.get(profile, signal);
    // One limiter per account and region, as CloudTrail counts: the account from the credentials,
    // else read from the key id, else (old key formats) one per key.
    const account =
      resolved.accountId ??
      accountOfAccessKey(resolved.accessKeyId) ??
      (resolved.accessKeyId.startsWith('AKIA') ? `key-${resolved.accessKeyId}` : `profile-${profile}`);
    const key = sourceKeyOf(endpoint, account);
    const existing = sources.get(`${profile}|${key}`);
    if (existing) return existing;
    const source = createSdkSource({
      profile,
      credentials: () => credentials.get(profile),
      limitKey: key,
      cacheKey: key,
      ...(endpoint ? { endpoint } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.callsPerSecond ? { callsPerSecond: options.callsPerSecond } : {}),
    });
    sources.set(`${profile}|${key}`, source);
    return source;
  }

  /** Drops a profile's credentials and clients, so Retry reads the files again. */
  function forgetCredentials(profile: string): void {
    credentials.forget(profile);
    for (const [key, source] of sources) {
      if (key.startsWith(`${profile}|`)) {
        source.destroy?.();
        sources.delete(key);
      }
    }
  }

  const manager = createFetchManager({
    store: createFetchStore(ctx.cacheDir),
    emit: ctx.emit,
    sourceFor,
    forgetCredentials,
    openSource: (query, signal) => openSourceDriver(query, { env: ctx.env, cacheDir: ctx.cacheDir, credentials, askMfaCode: ctx.askMfaCode }, signal),
    ...(options.tuning ? { tuning: options.tuning } : {}),
  });
  return {
    manager,
    /** The profiles' credentials, shared with the other AWS calls of this host (the account's regions). */
    credentials,
    forgetCredentials,
    async close(): Promise<void> {
      await manager.stopAll();
      for (const source of sources.values()) source.destroy?.();
    },
    storeDir: join(ctx.cacheDir, 'cloudtrail'),
    /** The demo account as log files on this machine (written at first use), for the log-files source. */
    demoLogFiles: () => prepareDemoLogFiles(ctx.cacheDir),
  };
}

export type FetchService = ReturnType<typeof createFetchService>;
