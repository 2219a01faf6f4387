import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { writePrivateFile } from '../../storage/private-files';
import { downloadObject } from './s3-client';
import type { S3Connection, S3Object } from './s3-client';

/**
 * The CLI's (or the app's) cache of S3 log files: `<cacheDir>/s3-objects/<xx>/<hash>.json.gz`, the
 * hash of bucket and key, so a key from the bucket (untrusted text: `..`, NUL, very long) never
 * becomes a path. Beside each file, `<hash>.meta` says which object and which version (ETag, size)
 * it holds; a cached file counts only when both match the listing, so a changed object is fetched
 * again and an unchanged one never is. Folders 0700, files 0600.
 */
export interface CachedObject {
  path: string;
  bytes: number;
}

interface Meta {
  bucket: string;
  key: string;
  etag: string;
  size: number;
}

export function cachePathOf(cacheDir: string, bucket: string, key: string): { file: string; meta: string } {
  const hash = createHash('sha256').update(`${bucket}\0${key}`).digest('hex');
  const extension = key.endsWith('.gz') ? '.json.gz' : '.json';
  const folder = join(cacheDir, 's3-objects', hash.slice(0, 2));
  return { file: join(folder, `${hash}${extension}`), meta: join(folder, `${hash}.meta`) };
}

/** The cached copy of this version of the object, or null when it is absent or another version. */
export async function cachedObject(cacheDir: string, bucket: string, object: S3Object): Promise<CachedObject | null> {
  const paths = cachePathOf(cacheDir, bucket, object.key);
  try {
    const meta = JSON.parse(await readFile(paths.meta, 'utf8')) as Partial<Meta>;
    if (meta.bucket !== bucket || meta.key !== object.key || meta.etag !== object.etag || meta.size !== object.size) return null;
    const info = await stat(paths.file);
    return info.isFile() && info.size === object.size ? { path: paths.file, bytes: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * Downloads one object into the cache (atomically, 0600), then records its version. The meta is
 * written last: a run cut between the two leaves a file without meta, fetched again next time.
 */
export async function downloadToCache(s3: S3Connection, cacheDir: string, bucket: string, object: S3Object, signal?: AbortSignal): Promise<CachedObject> {
  const paths = cachePathOf(cacheDir, bucket, object.key);
  const got = await downloadObject(s3, bucket, object.key, paths.file, signal);
  const meta: Meta = { bucket, key: object.key, etag: got.etag || object.etag, size: got.bytes };
  await writePrivateFile(paths.meta, JSON.stringify(meta));
  return { path: paths.file, bytes: got.bytes };
}
