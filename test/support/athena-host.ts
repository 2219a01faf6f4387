import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { createHost } from '../../main/hosts/create-host';
import { createMemorySecretStore } from '../../main/services/secrets/secret-store';
import { trailObjectKeys } from '../fakes/athena/fake-athena-fixtures';

/** The trail's objects as the fake S3 holds them: one gzip file a day, in the us-east-1 folder. */
export function trailBucketObjects(): Record<string, Buffer> {
  return Object.fromEntries(
    Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/a.json.gz`, gzipSync(texts.join(','))]),
  );
}

/**
 * A web host (what Electron's IPC and the web host call) in `dir`, whose Athena and S3 clients
 * reach the fakes at these URLs with keys from the environment, and nothing else outside.
 */
export function athenaTestHost(dir: string, urls: { athena: string; s3: string }, accessKeyId: string) {
  return createHost({
    kind: 'web',
    env: {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_ATHENA: urls.athena,
      AWS_ENDPOINT_URL_S3: urls.s3,
    },
    dataDir: join(dir, 'data'),
    cacheDir: join(dir, 'cache'),
    emit: () => {},
    askMfaCode: () => Promise.reject(new Error('no MFA')),
    secrets: createMemorySecretStore(),
    openExternal: async () => false,
    takePendingDeepLink: () => null,
  });
}
