import type { ApiError } from '../../../../shared/api/errors';
import { ensurePrivateDir } from '../../storage/private-files';
import { fetchLogFiles } from '../log-files/log-files-source';
import type { LogFilesProgress, LogFilesResult } from '../log-files/log-files-source';
import type { LogQuery } from '../log-files/log-query';
import { openS3 } from './s3-client';
import type { OpenS3Options } from './s3-client';
import { downloadObjects } from './s3-downloads';
import type { ArrivedObject, DownloadProgress } from './s3-downloads';
import { parseS3Url } from './s3-layout';
import { planObjects } from './s3-plan';
import { withObjectFolder } from './s3-view';

/** How far an S3 fetch has come: listing, then downloads (or cache hits), then the log-file engine. */
export type S3Progress =
  | { phase: 'listing'; prefixes: number; objects: number; bytes: number }
  | ({ phase: 'downloading' } & DownloadProgress)
  | ({ phase: 'reading' } & LogFilesProgress);

export interface S3Result extends LogFilesResult {
  /** Log-file objects listed for the scope. */
  objects: number;
  prefixesListed: number;
  downloaded: number;
  cached: number;
  bytesDownloaded: number;
  /** The failure that stopped the downloads (credentials, access, throttling); what arrived was still read. */
  error: ApiError | null;
}

export interface S3FetchOptions extends Pick<OpenS3Options, 'credentials' | 'askMfaCode' | 'maxAttempts' | 'region'> {
  profile: string;
  env: NodeJS.ProcessEnv;
  /** The host's cache folder (the CLI's TRAILCASE_CACHE_DIR or the OS cache folder). */
  cacheDir: string;
  /** Cancel: stops listing and downloads; the objects that arrived stay cached and are read. */
  signal?: AbortSignal;
  /** Stops that reading of what arrived after a cancel (a second Ctrl+C). */
  stopReading?: AbortSignal;
  onProgress?: (progress: S3Progress) => void;
}

/**
 * One identity's (or one address's) records from a trail's objects at `s3://BUCKET/PREFIX`: the
 * layout found and only the asked regions' and days' folders listed, the objects downloaded a few
 * at a time into the cache (a second question over the same objects downloads nothing), then read
 * by the log-file engine exactly as a folder is. Cancel keeps what arrived; a rerun resumes from
 * the cache. A download that fails for a reason every other one would share stops the rest.
 */
export async function fetchS3Logs(url: string, query: LogQuery, options: S3FetchOptions): Promise<S3Result> {
  const { bucket, prefix } = parseS3Url(url);
  const { signal, onProgress } = options;
  const s3 = await openS3(options.profile, { ...options, ...(signal ? { signal } : {}) });
  const result: S3Result = { events: [], failed: [], files: 0, foldersSkipped: 0, cancelled: false, objects: 0, prefixesListed: 0, downloaded: 0, cached: 0, bytesDownloaded: 0, error: null };
  try {
    await ensurePrivateDir(options.cacheDir, 's3-objects');
    const plan = await planObjects(s3, bucket, prefix, query, {
      ...(signal ? { signal } : {}),
      onListed: (listed) => onProgress?.({ phase: 'listing', ...listed }),
    });
    result.objects = plan.objects.length;
    result.prefixesListed = plan.prefixesListed;
    const downloads = await downloadObjects(s3, bucket, plan.objects, {
      cacheDir: options.cacheDir,
      ...(signal ? { signal } : {}),
      onProgress: (progress) => onProgress?.({ phase: 'downloading', ...progress }),
    });
    const { arrived, downloaded, cached, bytesDownloaded, failed, error } = downloads;
    Object.assign(result, { downloaded, cached, bytesDownloaded, failed, error, cancelled: Boolean(signal?.aborted) });
    if (!arrived.length) return result;
    const read = await readArrived(arrived, query, options, result.cancelled ? options.stopReading : signal);
    return { ...result, ...read, failed: [...result.failed, ...read.failed], cancelled: result.cancelled || read.cancelled };
  } finally {
    s3.destroy();
  }
}

/** The engine over the objects that arrived; failures named by their s3:// address. */
function readArrived(arrived: readonly ArrivedObject[], query: LogQuery, options: S3FetchOptions, signal: AbortSignal | undefined): Promise<LogFilesResult> {
  return withObjectFolder(options.cacheDir, arrived, async (folder, uriOf) => {
    const read = await fetchLogFiles(folder, query, {
      ...(signal ? { signal } : {}),
      ...(options.onProgress ? { onProgress: (progress: LogFilesProgress) => options.onProgress?.({ phase: 'reading', ...progress }) } : {}),
    });
    return { ...read, failed: read.failed.map((failed) => ({ ...failed, path: uriOf(failed.path) })) };
  });
}
