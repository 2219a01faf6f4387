import { createFetchStore, sourceKeyOf, streamKeyOf } from '../../../main/services/fetch/fetch-store';

/**
 * Writes a finished fetch of `count` generated events for user alice in us-east-1 into a cache
 * folder, as the fetch engine stores one (record, stream and its events file).
 */
export function writeStoredFetch(cacheDir: string, fetchId: string, count: number): void {
  const store = createFetchStore(cacheDir);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const end = start + 30 * 86_400_000;
  const cacheKey = sourceKeyOf(undefined, '111122223333');
  const attribute = { key: 'Username' as const, value: 'alice' };
  const events = Array.from({ length: count }, (_, i) => {
    const t = start + i * 30_000;
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const raw = JSON.stringify({
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAEXAMPLE0000000001', userName: 'alice' },
      eventTime: new Date(t).toISOString().replace('.000Z', 'Z'),
      eventSource: i % 3 === 0 ? 's3.amazonaws.com' : 'ec2.amazonaws.com',
      eventName: ['DescribeInstances', 'ListBuckets', 'GetObject', 'PutObject', 'DescribeVolumes'][i % 5],
      awsRegion: 'us-east-1',
      sourceIPAddress: `${20 + (i % 150)}.${(i * 7) % 250}.${(i * 13) % 250}.${1 + (i % 250)}`,
      userAgent: i % 2 ? 'aws-cli/2.15.0 Python/3.11' : 'Boto3/1.34.0 Python/3.11',
      requestParameters: null,
      responseElements: null,
      eventID: id,
      readOnly: i % 5 !== 3,
      eventType: 'AwsApiCall',
      recipientAccountId: '111122223333',
    });
    return { id, t, raw };
  });
  for (let i = 0; i < events.length; i += 5000) store.appendEvents(streamKeyOf(cacheKey, 'us-east-1', attribute), events.slice(i, i + 5000));
  const at = new Date(end).toISOString();
  store.saveFetch({
    version: 1,
    fetchId,
    query: { profile: 'default', regions: ['us-east-1'], identity: { kind: 'user', userName: 'alice' }, start: new Date(start).toISOString(), end: at, followSessions: false },
    cacheKey,
    state: 'done',
    error: null,
    startedAt: at,
    updatedAt: at,
    streams: [{ id: 's0', region: 'us-east-1', attribute, via: null, start, end }],
    cursors: [],
    regions: { 'us-east-1': { state: 'done', error: null } },
  });
}
