import type { ApiError } from '../../../../shared/api/errors';
import { isApiError } from '../../../../shared/api/errors';
import { cachePathOf, cachedObject, downloadToCache, evictCache, holdCacheFiles } from './s3-cache';
import type { CachedObject } from './s3-cache';
import type { S3Connection, S3Object } from './s3-client';

/** Downloads in flight at once: enough to fill a link, few enough to stay clear of S3's SlowDown. */
export const DOWNLOADS_AT_ONCE = 6;

/** An object on disk, with the s3:// address it came from. */
export type ArrivedObject = CachedObject & { uri: string; key: string };

export interface DownloadReport {
  /** The objects now on disk, in the order given. */
  arrived: ArrivedObject[];
  downloaded: number;
  cached: number;
  bytesDownloaded: number;
  /** Objects gone since the listing (NoSuchKey): named, the others still come. */
  failed: { path: string; message: string }[];
  /** The failure that stopped the downloads (credentials, access, throttling), if one did. */
  error: ApiError | null;
}

export interface DownloadProgress {
  objects: number;
  objectsDone: number;
  cached: number;
  bytes: number;
  bytesDone: number;
}

/**
 * Every object from the cache or from S3, `DOWNLOADS_AT_ONCE` at a time (never the whole list at
 * once). A missing object is named and skipped; a failure every other download would share
 * (denied, expired credentials, throttling past the retries) starts no more, and what arrived (with
 * the downloads then in flight) is kept. `signal` (Cancel) stops them too: downloads in flight are
 * abandoned, their temp files removed.
 * These objects' cached files are held while the downloads run; once they end, the cache is brought
 * back under its bound (`cacheMaxBytes`, S3_CACHE_MAX_BYTES by default) without touching them.
 */
export async function downloadObjects(
  s3: S3Connection,
  bucket: string,
  objects: readonly S3Object[],
  options: { cacheDir: string; signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void; cacheMaxBytes?: number },
): Promise<DownloadReport> {
  const report: DownloadReport = { arrived: [], downloaded: 0, cached: 0, bytesDownloaded: 0, failed: [], error: null };
  const stop = new AbortController();
  const abort = () => stop.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const arrived: (ArrivedObject | undefined)[] = [];
  const progress: DownloadProgress = { objects: objects.length, objectsDone: 0, cached: 0, bytes: objects.reduce((sum, o) => sum + o.size, 0), bytesDone: 0 };
  const files = objects.map((object) => cachePathOf(options.cacheDir, bucket, object.key).file);
  const release = holdCacheFiles(files);
  let next = 0;
  // A failure every download would share stops new ones; those in flight may still arrive, and are kept.
  let halted = false;
  const worker = async () => {
    while (next < objects.length && !halted && !stop.signal.aborted) {
      const index = next++;
      const object = objects[index]!;
      const uri = `s3://${bucket}/${object.key}`;
      try {
        const hit = await cachedObject(options.cacheDir, bucket, object);
        const got = hit ?? (await downloadToCache(s3, options.cacheDir, bucket, object, stop.signal));
        arrived[index] = { ...got, uri, key: object.key };
        if (hit) report.cached += 1;
        else {
          report.downloaded += 1;
          report.bytesDownloaded += got.bytes;
        }
        progress.objectsDone += 1;
        progress.cached = report.cached;
        progress.bytesDone += got.bytes;
        options.onProgress?.({ ...progress });
      } catch (error) {
        if (stop.signal.aborted) return;
        if (isApiError(error) && error.code === 'NOT_FOUND') report.failed.push({ path: uri, message: error.message });
        else {
          halted = true;
          if (!isApiError(error)) throw error;
          report.error ??= error;
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(DOWNLOADS_AT_ONCE, objects.length) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', abort);
    // A cache that cannot be trimmed (a file another program holds) stays larger: the fetch goes on.
    if (report.downloaded > 0) await evictCache(options.cacheDir, { keep: files, ...(options.cacheMaxBytes !== undefined ? { maxBytes: options.cacheMaxBytes } : {}) }).catch(() => {});
    release();
  }
  report.arrived = arrived.filter((item): item is ArrivedObject => item !== undefined);
  return report;
}
