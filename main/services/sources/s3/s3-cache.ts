import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
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
 *
 * The cache is bounded (`S3_CACHE_MAX_BYTES`): after a fetch's downloads, the objects used least
 * recently (the meta's time, renewed at each hit) are removed until the cache fits, never one a
 * running fetch holds (`holdCacheFiles`).
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
    if (!info.isFile() || info.size !== object.size) return null;
    // Used now: the meta's time is the object's last use, which eviction reads (least recent goes first).
    const now = new Date();
    await utimes(paths.meta, now, now).catch(() => {});
    return { path: paths.file, bytes: info.size };
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

/** The cache's default bound: 2 GiB, small beside a laptop's disk, yet many days of a trail's gzip objects. */
export const S3_CACHE_MAX_BYTES = 2 * 1024 ** 3;

/** Cached files the fetches of this process are using, with how many hold each. */
const held = new Map<string, number>();

/** Marks these cache files as in use until the returned release is called (once). */
export function holdCacheFiles(files: Iterable<string>): () => void {
  const list = [...new Set(files)];
  for (const file of list) held.set(file, (held.get(file) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const file of list) {
      const count = (held.get(file) ?? 1) - 1;
      if (count > 0) held.set(file, count);
      else held.delete(file);
    }
  };
}

interface Entry {
  paths: string[];
  /** The object's file, when present (what a hold names). */
  file: string | null;
  bytes: number;
  lastUse: number;
}

/** Every cached object (its file and meta, or either alone after a cut run); temp `.part` files are not entries. */
async function entriesOf(root: string): Promise<Entry[]> {
  const entries = new Map<string, Entry & { metaTime: number | null }>();
  for (const shard of await readdir(root).catch(() => [] as string[])) {
    for (const name of await readdir(join(root, shard)).catch(() => [] as string[])) {
      const match = /^([0-9a-f]{64})\.(json\.gz|json|meta)$/.exec(name);
      if (!match) continue;
      const path = join(root, shard, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const entry = entries.get(match[1]!) ?? { paths: [], file: null, bytes: 0, lastUse: 0, metaTime: null };
      entry.paths.push(path);
      entry.bytes += info.size;
      if (match[2] === 'meta') entry.metaTime = info.mtimeMs;
      else {
        entry.file = path;
        entry.lastUse = info.mtimeMs;
      }
      entries.set(match[1]!, entry);
    }
  }
  // The meta's time is the last use; a file without meta (a run cut after its download) has its own.
  return [...entries.values()].map(({ metaTime, ...entry }) => ({ ...entry, lastUse: metaTime ?? entry.lastUse }));
}

export interface EvictionReport {
  removed: number;
  bytesFreed: number;
  /** What the cache holds after eviction. */
  bytes: number;
}

/**
 * Removes the objects used least recently until the cache holds at most `maxBytes`, never one in
 * `keep` (the current fetch's) or held by another fetch of this process; those count, so a fetch
 * larger than the bound leaves the cache above it rather than lose its own files.
 */
export async function evictCache(cacheDir: string, options: { maxBytes?: number; keep?: Iterable<string> } = {}): Promise<EvictionReport> {
  const maxBytes = options.maxBytes ?? S3_CACHE_MAX_BYTES;
  const keep = new Set(options.keep ?? []);
  const entries = await entriesOf(join(cacheDir, 's3-objects'));
  let bytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  const report: EvictionReport = { removed: 0, bytesFreed: 0, bytes };
  const candidates = entries
    .filter((entry) => entry.file === null || (!keep.has(entry.file) && !held.has(entry.file)))
    .sort((a, b) => a.lastUse - b.lastUse || a.paths[0]!.localeCompare(b.paths[0]!));
  for (const entry of candidates) {
    if (bytes <= maxBytes) break;
    // The meta first: a file left alone (if removing it failed) is only ever downloaded again.
    const ordered = [...entry.paths.filter((path) => path.endsWith('.meta')), ...entry.paths.filter((path) => !path.endsWith('.meta'))];
    for (const path of ordered) await rm(path, { force: true });
    bytes -= entry.bytes;
    report.removed += 1;
    report.bytesFreed += entry.bytes;
  }
  report.bytes = bytes;
  return report;
}
