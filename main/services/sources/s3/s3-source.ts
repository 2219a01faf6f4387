import { randomBytes } from 'node:crypto';
import { copyFile, link, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

import type { ApiError } from '../../../../shared/api/errors';
import { isApiError } from '../../../../shared/api/errors';
import { ensurePrivateDir } from '../../storage/private-files';
import { fetchLogFiles } from '../log-files/log-files-source';
import type { LogFilesProgress, LogFilesResult } from '../log-files/log-files-source';
import type { LogQuery } from '../log-files/log-query';
import { cachedObject, downloadToCache } from './s3-cache';
import type { CachedObject } from './s3-cache';
import { openS3 } from './s3-client';
import type { OpenS3Options, S3Object } from './s3-client';
import { parseS3Url } from './s3-layout';
import { planObjects } from './s3-plan';

/** Downloads in flight at once: enough to fill a link, few enough to stay clear of S3's SlowDown. */
export const DOWNLOADS_AT_ONCE = 6;

/** How far an S3 fetch has come: listing, then downloads (or cache hits), then the log-file engine. */
export type S3Progress =
  | { phase: 'listing'; prefixes: number; objects: number; bytes: number }
  | { phase: 'downloading'; objects: number; objectsDone: number; cached: number; bytes: number; bytesDone: number }
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
    const arrived = await downloadAll(plan.objects, result, { ...options, bucket, s3 });
    if (signal?.aborted) result.cancelled = true;
    if (!arrived.length) return result;
    const read = await readArrived(arrived, query, options, result.cancelled ? options.stopReading : signal);
    return { ...result, ...read, failed: [...result.failed, ...read.failed], cancelled: result.cancelled || read.cancelled };
  } finally {
    s3.destroy();
  }
}

type Arrived = CachedObject & { uri: string };

/** Every object from the cache or from S3, `DOWNLOADS_AT_ONCE` at a time; the ones that arrived, in key order. */
async function downloadAll(objects: S3Object[], result: S3Result, context: S3FetchOptions & { bucket: string; s3: Awaited<ReturnType<typeof openS3>> }): Promise<Arrived[]> {
  const { bucket, s3, onProgress } = context;
  const stop = new AbortController();
  const abort = () => stop.abort();
  context.signal?.addEventListener('abort', abort, { once: true });
  const arrived: (Arrived | undefined)[] = [];
  const progress = { phase: 'downloading' as const, objects: objects.length, objectsDone: 0, cached: 0, bytes: objects.reduce((sum, o) => sum + o.size, 0), bytesDone: 0 };
  let next = 0;
  const worker = async () => {
    while (next < objects.length && !stop.signal.aborted) {
      const index = next++;
      const object = objects[index]!;
      const uri = `s3://${bucket}/${object.key}`;
      const hit = await cachedObject(context.cacheDir, bucket, object);
      try {
        const got = hit ?? (await downloadToCache(s3, context.cacheDir, bucket, object, stop.signal));
        arrived[index] = { ...got, uri };
        if (hit) result.cached += 1;
        else {
          result.downloaded += 1;
          result.bytesDownloaded += got.bytes;
        }
        progress.objectsDone += 1;
        progress.cached = result.cached;
        progress.bytesDone += got.bytes;
        onProgress?.({ ...progress });
      } catch (error) {
        if (stop.signal.aborted) return;
        if (isApiError(error) && error.code === 'NOT_FOUND') result.failed.push({ path: uri, message: error.message });
        else {
          result.error ??= isApiError(error) ? error : null;
          stop.abort();
          if (!isApiError(error)) throw error;
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(DOWNLOADS_AT_ONCE, objects.length) }, worker));
  } finally {
    context.signal?.removeEventListener('abort', abort);
  }
  return arrived.filter((item): item is Arrived => item !== undefined);
}

/**
 * The engine over the objects that arrived: a folder of hard links to their cached files (a copy
 * where links are refused), made for this run and removed after it, so the engine reads exactly
 * these objects, not whatever else the cache holds. Failures are named by their s3:// address.
 */
async function readArrived(arrived: Arrived[], query: LogQuery, options: S3FetchOptions, signal: AbortSignal | undefined): Promise<LogFilesResult> {
  const view = await ensurePrivateDir(options.cacheDir, 's3-views', randomBytes(8).toString('hex'));
  try {
    const names = new Map<string, string>();
    for (const item of arrived) {
      const target = join(view, basename(item.path));
      await link(item.path, target).catch(() => copyFile(item.path, target));
      names.set(target, item.uri);
    }
    const read = await fetchLogFiles(view, query, {
      ...(signal ? { signal } : {}),
      ...(options.onProgress ? { onProgress: (progress: LogFilesProgress) => options.onProgress?.({ phase: 'reading', ...progress }) } : {}),
    });
    return { ...read, failed: read.failed.map((failed) => ({ ...failed, path: names.get(failed.path) ?? failed.path })) };
  } finally {
    await rm(view, { recursive: true, force: true });
  }
}
