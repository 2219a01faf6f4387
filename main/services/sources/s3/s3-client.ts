import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../../shared/api/errors';
import { awsClientOptions } from '../../aws/client-options';
import { createCredentialCache, readProfile } from '../../aws/credentials';
import type { CredentialDeps } from '../../aws/credentials';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../storage/private-files';
import { toS3ApiError } from './s3-errors';

/** An S3 client for one profile, with what its errors need to name. */
export interface S3Connection {
  client: S3Client;
  profile: string;
  kind: string;
  destroy(): void;
}

export interface OpenS3Options {
  env: NodeJS.ProcessEnv;
  /** The credentials per profile (default: a cache over the shared files, asking MFA codes with askMfaCode). */
  credentials?: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
  askMfaCode?: CredentialDeps['askMfaCode'];
  /** The region to call S3 in (default: the profile's, else us-east-1; AWS's own S3 follows the bucket's region). */
  region?: string;
  /** Attempts per call, the first included (default 5): throttling (SlowDown 503) and 5xx are retried with back-off. */
  maxAttempts?: number;
  signal?: AbortSignal;
}

const noMfa: CredentialDeps['askMfaCode'] = (request) =>
  Promise.reject(new ApiError('MFA_REQUIRED', `Profile "${request.profile}" needs an MFA code (${request.mfaSerial}), and nothing can ask for it here.`));

/**
 * S3 for one profile, built as the other AWS clients are: the profile's credentials (read now, so
 * a missing or expired one fails before any listing, and refreshed from the cache as they age),
 * `awsClientOptions('S3')` (AWS_ENDPOINT_URL_S3 and the profile's services section, https only,
 * plain http only on loopback, checked again on every request), and path-style addressing when an
 * endpoint is configured (a local or compatible S3 has no per-bucket host names).
 */
export async function openS3(profile: string, options: OpenS3Options): Promise<S3Connection> {
  const { settings } = await readProfile(profile, options.env);
  const credentials = options.credentials ?? createCredentialCache({ env: options.env, askMfaCode: options.askMfaCode ?? noMfa });
  await credentials.get(profile, options.signal);
  const base = awsClientOptions('S3', settings, options.region ? { region: options.region } : {});
  const client = new S3Client({
    ...base,
    credentials: () => credentials.get(profile, options.signal),
    forcePathStyle: base.endpoint !== undefined,
    followRegionRedirects: base.endpoint === undefined,
    maxAttempts: options.maxAttempts ?? 5,
  });
  return { client, profile, kind: settings.kind, destroy: () => client.destroy() };
}

/** One object of a listing. */
export interface S3Object {
  key: string;
  size: number;
  /** The ETag as S3 sends it, quotes included. */
  etag: string;
}

/**
 * Every object under `prefix`, page after page (ListObjectsV2, 1,000 keys a page, ContinuationToken),
 * in S3's key order. Nothing is held beyond one page, so a large bucket streams.
 */
export async function* listObjects(s3: S3Connection, bucket: string, prefix: string, signal?: AbortSignal): AsyncGenerator<S3Object> {
  let token: string | undefined;
  do {
    const page = await send(s3, { bucket, action: 'ListObjectsV2' }, signal, () =>
      s3.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }), signal ? { abortSignal: signal } : {}),
    );
    for (const item of page.Contents ?? []) if (item.Key) yield { key: item.Key, size: item.Size ?? 0, etag: item.ETag ?? '' };
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/**
 * The "folders" one level below `prefix` (ListObjectsV2 with `Delimiter: '/'`: its CommonPrefixes,
 * each ending in `/`), every page; how a trail's `AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/` levels
 * are found without listing the objects under them.
 */
export async function listPrefixes(s3: S3Connection, bucket: string, prefix: string, signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  let token: string | undefined;
  do {
    const page = await send(s3, { bucket, action: 'ListObjectsV2' }, signal, () =>
      s3.client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token, MaxKeys: 1000 }),
        signal ? { abortSignal: signal } : {},
      ),
    );
    for (const common of page.CommonPrefixes ?? []) if (common.Prefix) found.push(common.Prefix);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/**
 * One object streamed to `path` (never held in memory), written atomically: a 0600 temp file
 * beside it in a 0700 folder, fsync, rename, so a download cut by Cancel or a crash leaves no
 * half file under the final name. The byte count must match S3's Content-Length, or nothing is kept.
 */
export async function downloadObject(
  s3: S3Connection,
  bucket: string,
  key: string,
  path: string,
  signal?: AbortSignal,
): Promise<{ bytes: number; etag: string }> {
  await ensurePrivateDir(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  const where = { bucket, action: 'GetObject', key };
  try {
    return await send(s3, where, signal, async () => {
      const answer = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), signal ? { abortSignal: signal } : {});
      if (!(answer.Body instanceof Readable)) throw new ApiError('INTERNAL', `S3 sent no body for s3://${bucket}/${key}.`);
      // flush: the file is fsynced before it closes, so the rename never publishes unwritten bytes.
      await pipeline(answer.Body, createWriteStream(temp, { flags: 'wx', mode: PRIVATE_FILE_MODE, flush: true }), signal ? { signal } : {});
      const bytes = (await stat(temp)).size;
      if (answer.ContentLength !== undefined && bytes !== answer.ContentLength)
        throw new ApiError('NETWORK', `s3://${bucket}/${key} arrived cut (${bytes} of ${answer.ContentLength} bytes). Run the fetch again.`);
      await rename(temp, path);
      return { bytes, etag: answer.ETag ?? '' };
    });
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** What a DeleteObjects run removed, and each key S3 refused with its code and words. */
export interface DeleteResult {
  deleted: string[];
  errors: { key: string; code: string; message: string }[];
}

/**
 * Removes `keys` from the bucket, 1,000 a call (DeleteObjects' limit), quiet mode so only the
 * refusals come back. A call that fails whole throws; keys refused one by one are reported.
 */
export async function deleteObjects(s3: S3Connection, bucket: string, keys: readonly string[], signal?: AbortSignal): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: [], errors: [] };
  for (let at = 0; at < keys.length; at += 1000) {
    const batch = keys.slice(at, at + 1000);
    const answer = await send(s3, { bucket, action: 'DeleteObjects' }, signal, () =>
      s3.client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        signal ? { abortSignal: signal } : {},
      ),
    );
    const refused = new Map((answer.Errors ?? []).map((error) => [error.Key ?? '', error]));
    for (const key of batch) {
      const error = refused.get(key);
      if (error) result.errors.push({ key, code: error.Code ?? 'Unknown', message: error.Message ?? '' });
      else result.deleted.push(key);
    }
  }
  return result;
}

/** One S3 call, its failure turned into the error the analyst acts on. */
export async function send<T>(s3: S3Connection, where: { bucket: string; action: string; key?: string }, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  if (signal?.aborted) throw new ApiError('CANCELLED', `${where.action} was cancelled.`);
  try {
    return await call();
  } catch (error) {
    throw toS3ApiError(error, { ...where, profile: s3.profile, kind: s3.kind });
  }
}
