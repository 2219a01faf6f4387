import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { fetchLogFiles } from '../../../main/services/sources/log-files/log-files-source';
import type { LogFilter } from '../../../main/services/sources/log-files/log-query';
import { records } from './log-corpus';

/** The pivots' filters (role, resource) and escaped values, through the worker, exact records. */
const event = (fields: string, id: string) =>
  `{"eventVersion":"1.08",${fields},"eventTime":"2026-03-02T10:00:00Z","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.9","eventID":"${id}"}`;
const pivots = {
  // An Admin role session without sessionContext (older records): the ARN says the role.
  adminByArn: event(`"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/Admin/ci"}`, 'p-1'),
  otherRole: event(
    `"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/AdminReadOnly/Admin","sessionContext":{"sessionIssuer":{"type":"Role","userName":"AdminReadOnly"}}}`,
    'p-2',
  ),
  userNamedAdmin: event(`"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/Admin","userName":"Admin"}`, 'p-3'),
  federatedByUserAdmin: event(
    `"userIdentity":{"type":"FederatedUser","arn":"arn:aws:sts::111122223333:federated-user/x","sessionContext":{"sessionIssuer":{"type":"IAMUser","userName":"Admin"}}}`,
    'p-4',
  ),
  bucketInResources: event(`"userIdentity":{"type":"IAMUser","userName":"bob"},"resources":[{"accountId":"111122223333","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::evidence"}]`, 'p-5'),
  bucketInParameters: event(`"userIdentity":{"type":"IAMUser","userName":"bob"},"requestParameters":{"bucketName":"evidence","Host":"evidence.s3.amazonaws.com"}`, 'p-6'),
  bucketEscaped: event(`"userIdentity":{"type":"IAMUser","userName":"bob"},"requestParameters":{"filter":{"items":[{"value":"evid\\u0065nce"}]}}`, 'p-7'),
  bucketAsKey: event(`"userIdentity":{"type":"IAMUser","userName":"bob"},"requestParameters":{"evidence":true,"other":"evidence-2"}`, 'p-8'),
  objectArnEscaped: event(`"userIdentity":{"type":"IAMUser","userName":"bob"},"resources":[{"ARN":"arn:aws:s3:::evidence\\/key.txt"}]`, 'p-9'),
  aliceEscaped: event(`"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/\\u0061lice","userName":"\\u0061lice"}`, 'p-10'),
};

const root = mkdtempSync(join(tmpdir(), 'trailcase-filters-'));
const day = join(root, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02');
mkdirSync(day, { recursive: true });
writeFileSync(join(day, 'a.json.gz'), gzipSync(`{"Records":[${[records.aliceSession, ...Object.values(pivots)].join(',')}]}`));

async function rawsFor(filter: LogFilter, source = root): Promise<string[]> {
  const result = await fetchLogFiles(source, { filter, regions: [], start: 0, end: Date.parse('2027-01-01T00:00:00Z') });
  expect(result.failed).toEqual([]);
  return result.events.map((found) => found.raw);
}

describe('log-file filters for pivots', () => {
  it('role: every session of the role, by its session issuer or its assumed-role ARN, and nothing else named like it', async () => {
    expect(await rawsFor({ kind: 'role', roleName: 'Admin' })).toEqual([records.aliceSession, pivots.adminByArn]);
  });

  it('resource: an ARN in resources or a string value anywhere in requestParameters, escapes decoded; never a key or a longer value', async () => {
    expect(await rawsFor({ kind: 'resource', resource: 'evidence' })).toEqual([
      pivots.bucketInParameters,
      pivots.bucketEscaped,
    ]);
    expect(await rawsFor({ kind: 'resource', resource: 'arn:aws:s3:::evidence' })).toEqual([pivots.bucketInResources]);
    expect(await rawsFor({ kind: 'resource', resource: 'arn:aws:s3:::evidence/key.txt' })).toEqual([pivots.objectArnEscaped]);
  });

  it('user: a name the file spells with \\u escapes still matches (the byte search keeps records with escapes)', async () => {
    expect(await rawsFor({ kind: 'user', userName: 'alice' })).toEqual([records.aliceSession, pivots.aliceEscaped]);
  });
});

describe('batches of files', () => {
  it('returns every record byte for byte across many batches of files and candidates', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trailcase-batches-'));
    const [expected, everyOther] = [[] as string[], [] as string[]];
    for (let file = 0; file < 150; file++) {
      const mine = records.alice.replace('000000000001"', `${String(file).padStart(12, '0')}"`);
      const others = Array.from({ length: 40 }, (_, index) => records.bobSameAddress.replace('000000000002"', `${file}-${index}"`));
      expected.push(mine);
      everyOther.push(...others);
      writeFileSync(join(folder, `f${String(file).padStart(3, '0')}.json.gz`), gzipSync(`{"Records":[${[...others.slice(0, file % 40), mine, ...others.slice(file % 40)].join(',')}]}`));
    }
    // A batch holds 64 files: three batches here; and at most 5,000 candidates: 6,000 of bob's.
    expect(await rawsFor({ kind: 'user', userName: 'alice' }, folder)).toEqual(expected);
    expect(await rawsFor({ kind: 'ip', address: '203.0.113.7' }, folder)).toEqual(everyOther);
  });
});
