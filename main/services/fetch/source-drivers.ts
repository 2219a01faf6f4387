import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';
import { sourceOf } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { openFilesDriver } from './files-driver';
import type { SourceDriver } from './source-driver';

/** What the drivers that call AWS (S3, Athena) need: the host's env, cache and the profiles' credentials. */
export interface SourceDriverDeps {
  env: NodeJS.ProcessEnv;
  cacheDir: string;
  credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
  askMfaCode(request: { profile: string; mfaSerial: string }, signal?: AbortSignal): Promise<string>;
}

/**
 * The driver of a query's source, checked and ready (a wrong path, bucket or missing credentials
 * fail here, as a start error). The S3 and Athena modules are loaded only for their sources: their
 * SDK clients cost a local fetch's start.
 */
export async function openSourceDriver(query: FetchQuery, deps: SourceDriverDeps, signal?: AbortSignal): Promise<SourceDriver> {
  const source = sourceOf(query);
  switch (source.kind) {
    case 'files':
      return openFilesDriver(source.path);
    case 's3': {
      const { openS3Driver } = await import('../sources/s3/s3-driver');
      return openS3Driver(source.url, query.profile, deps, signal);
    }
    case 'athena': {
      const { openAthenaDriver } = await import('../sources/athena/athena-driver');
      return openAthenaDriver(source, query.profile, deps, signal);
    }
    case 'lookup':
      throw new ApiError('INTERNAL', 'LookupEvents is not a source driver.');
  }
}
