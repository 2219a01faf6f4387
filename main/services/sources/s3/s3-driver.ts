import type { AwsCredentialIdentity } from '@smithy/types';

import type { SourceDriver } from '../../fetch/source-driver';
import { ensurePrivateDir } from '../../storage/private-files';
import { fetchLogFiles } from '../log-files/log-files-source';
import { openS3 } from './s3-client';
import type { OpenS3Options } from './s3-client';
import { downloadObjects } from './s3-downloads';
import { parseS3Url } from './s3-layout';
import { planObjects } from './s3-plan';
import { withObjectFolder } from './s3-view';

export interface S3DriverDeps {
  env: NodeJS.ProcessEnv;
  credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
  askMfaCode: NonNullable<OpenS3Options['askMfaCode']>;
  /** The host's cache folder: downloaded objects are kept there. */
  cacheDir: string;
}

/**
 * The app's driver of an `s3://BUCKET/PREFIX` source: a unit is one object, named by its s3://
 * address. Opening it checks the address and reads the profile's credentials (a wrong bucket
 * name or expired credentials fail the start). A run lists the objects of the scope, skips those an
 * earlier run stored (Resume), downloads the rest into the cache a few at a time, and reads them
 * with the log-file engine, each object stored as it is read. Cancel stops listing, downloads and
 * reading; what was downloaded stays in the cache, so Resume downloads only what is missing.
 */
export async function openS3Driver(url: string, profile: string, deps: S3DriverDeps, signal?: AbortSignal): Promise<SourceDriver> {
  const { bucket, prefix } = parseS3Url(url);
  const s3 = await openS3(profile, { env: deps.env, credentials: deps.credentials, askMfaCode: deps.askMfaCode, ...(signal ? { signal } : {}) });
  return {
    kind: 's3',
    unit: 'objects',
    close: () => s3.destroy(),
    async run(job) {
      await ensurePrivateDir(deps.cacheDir, 's3-objects');
      job.onPhase('listing objects');
      const plan = await planObjects(s3, bucket, prefix, job, { signal: job.signal });
      const todo = plan.objects.filter((object) => !job.done.has(`s3://${bucket}/${object.key}`));
      job.onFound({ units: todo.length, bytes: todo.reduce((sum, object) => sum + object.size, 0) });
      job.onPhase('downloading objects');
      const downloads = await downloadObjects(s3, bucket, todo, { cacheDir: deps.cacheDir, signal: job.signal });
      for (const gone of downloads.failed) job.onUnit({ name: gone.path, bytes: 0, events: [], error: gone.message });
      if (!job.signal.aborted && downloads.arrived.length) {
        job.onPhase('reading objects');
        await withObjectFolder(deps.cacheDir, downloads.arrived, (folder, uriOf) =>
          fetchLogFiles(
            folder,
            { filter: job.filter, start: job.start, end: job.end, regions: job.regions },
            { signal: job.signal, onFile: (file) => job.onUnit({ name: uriOf(file.path), bytes: file.bytes, events: file.events, error: file.error }) },
          ),
        );
      }
      job.onPhase(null);
      // A failure every download shared (denied, expired, throttled): what arrived is stored first.
      if (downloads.error) throw downloads.error;
    },
  };
}
