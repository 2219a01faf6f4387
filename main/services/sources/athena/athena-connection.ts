import type { AthenaClient } from '@aws-sdk/client-athena';
import type { AwsCredentialIdentity } from '@smithy/types';

import { readProfile } from '../../aws/credentials';
import { deleteObjects, listObjects, openS3 } from '../s3/s3-client';
import type { S3Connection } from '../s3/s3-client';
import { openAthena } from './athena-client';
import type { AthenaDeps } from './athena-source';

/** The clients an Athena fetch uses for one profile: Athena, and S3 for the estimate and the clean-up. */
export interface AthenaConnection extends Pick<AthenaDeps, 'athena' | 'listObjects' | 'deleteObjects'> {
  profile: string;
  /** The profile's kind (keys, sso, role, process), for the fix of expired credentials. */
  kind: string;
  destroy(): void;
}

/**
 * Opens both clients for `profile`, as every host needs them (the CLI, the app's source driver):
 * the profile read and its credentials resolved now, so a missing or expired one fails before
 * any call. S3 is opened only when asked (`s3: false` for a DDL or a resume without clean-up).
 */
export async function connectAthena(
  profile: string,
  options: {
    env: NodeJS.ProcessEnv;
    credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
    s3?: boolean;
    signal?: AbortSignal;
  },
): Promise<AthenaConnection> {
  const { settings } = await readProfile(profile, options.env);
  const athena: AthenaClient = openAthena(settings, await options.credentials.get(profile, options.signal));
  let s3: S3Connection | null = null;
  try {
    if (options.s3 !== false) s3 = await openS3(profile, { env: options.env, credentials: options.credentials, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    athena.destroy();
    throw error;
  }
  const needS3 = (): S3Connection => {
    if (!s3) throw new Error('This Athena connection was opened without S3.');
    return s3;
  };
  return {
    profile,
    kind: settings.kind,
    athena,
    listObjects: (bucket, prefix, signal) => listObjects(needS3(), bucket, prefix, signal),
    deleteObjects: (bucket, keys) => deleteObjects(needS3(), bucket, keys),
    destroy() {
      athena.destroy();
      s3?.destroy();
    },
  };
}
