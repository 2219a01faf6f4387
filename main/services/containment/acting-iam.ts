import type { AwsCredentialIdentity } from '@smithy/types';

import { readProfile } from '../aws/credentials';
import { DEMO_PROFILE } from '../aws/profiles';
import type { ContainmentIam } from './containment-iam';
import { createDemoContainmentIam } from './demo-containment-iam';
import { sdkContainmentIam } from './sdk-containment-iam';

export interface ActingIamDeps {
  env: NodeJS.ProcessEnv;
  credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
}

/**
 * The IAM of the profile the analyst picked for acting: the SDK client for a profile of the
 * shared files (its credentials resolved now, so an expired one is a clear credential error before
 * any read), the in-process demo account for `demo`, kept for the host's life and reset at each start.
 */
export function createActingIam(deps: ActingIamDeps) {
  let demo: ContainmentIam | undefined;
  // One client per profile, key and endpoint: a refreshed credential or a changed endpoint gets a new one.
  const clients = new Map<string, { key: string; iam: ReturnType<typeof sdkContainmentIam> }>();
  return async function iamFor(profile: string, signal?: AbortSignal): Promise<ContainmentIam> {
    // A real profile named "demo" in the shared files wins over the built-in one, as in listProfiles.
    const found = await readProfile(profile, deps.env).catch((error: unknown) => {
      if (profile === DEMO_PROFILE) return null;
      throw error;
    });
    if (!found) return (demo ??= createDemoContainmentIam());
    const credentials = await deps.credentials.get(profile, signal);
    const key = `${credentials.accessKeyId}|${found.settings.endpoint('IAM') ?? ''}`;
    const kept = clients.get(profile);
    if (kept?.key === key) return kept.iam;
    kept?.iam.destroy();
    const iam = sdkContainmentIam(found.settings, credentials);
    clients.set(profile, { key, iam });
    return iam;
  };
}
