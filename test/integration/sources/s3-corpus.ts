import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { corpusFiles, records } from './log-corpus';

export const BUCKET = 'trail-logs-111122223333';
/** The trail's S3 key prefix, as a trail names it: the layout starts below it. */
export const TRAIL_PREFIX = 'org-trail/';

/**
 * The log-file corpus as a trail's bucket holds it, below the trail's key prefix: an account's
 * folders and an organisation trail's (`o-…`), three regions, a January day outside March's
 * range, and the Digest files CloudTrail writes beside `CloudTrail/` (never to be read).
 */
export function trailObjects(): Record<string, Buffer> {
  const objects: Record<string, Buffer> = {};
  for (const [path, texts] of Object.entries(corpusFiles)) objects[`${TRAIL_PREFIX}${path}`] = gzipSync(`{"Records":[${texts.join(',')}]}`);
  objects[`${TRAIL_PREFIX}AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/01/111122223333_CloudTrail-Digest_us-east-1_x_20260301T1005Z.json.gz`] = gzipSync('{"digestStartTime":"2026-03-01T09:00:00Z"}');
  return objects;
}

/** Many small files of alice's in one day folder, each record with its own eventID. */
export function manyObjects(count: number, day = '2026/03/01'): Record<string, Buffer> {
  const objects: Record<string, Buffer> = {};
  for (let index = 0; index < count; index += 1) {
    const text = records.alice.replace('000000000001"', `${String(index).padStart(12, '0')}"`);
    objects[`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/111122223333_CloudTrail_us-east-1_f${String(index).padStart(4, '0')}.json.gz`] = gzipSync(`{"Records":[${text}]}`);
  }
  return objects;
}

/** The environment of a CLI run against the fake: keys from the environment, a fresh cache folder. */
export function s3Env(endpoint: string, cacheDir = mkdtempSync(join(tmpdir(), 'trailcase-s3-cache-'))): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: 'AKIAS3SOURCETEST0001',
    AWS_SECRET_ACCESS_KEY: 'fakeSecretForTheS3Source',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: endpoint,
    TRAILCASE_CACHE_DIR: cacheDir,
  };
}
