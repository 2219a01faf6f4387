import { ApiError } from '../../../shared/api/errors';
import { sourceOf } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { CredentialCache } from '../aws/credentials';
import { openFilesDriver } from './files-driver';
import type { SourceDriver } from './source-driver';

/** What the drivers that call AWS (S3, Athena) need: the host's env and the profiles' credentials. */
export interface SourceDriverDeps {
  env: NodeJS.ProcessEnv;
  credentials: CredentialCache;
  askMfaCode(request: { profile: string; mfaSerial: string }, signal?: AbortSignal): Promise<string>;
}

/** The driver of a query's source, checked and ready (a wrong path or missing credentials fail here). */
export async function openSourceDriver(query: FetchQuery, _deps: SourceDriverDeps, _signal?: AbortSignal): Promise<SourceDriver> {
  const source = sourceOf(query);
  switch (source.kind) {
    case 'files':
      return openFilesDriver(source.path);
    case 's3':
    case 'athena':
    case 'lookup':
      throw new ApiError('BAD_INPUT', `The app cannot read ${source.kind} sources yet: use log files, or the CLI's fetch --source.`);
  }
}
