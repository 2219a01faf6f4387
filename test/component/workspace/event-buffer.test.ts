import { describe, expect, it } from 'vitest';

import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import type { NormalizedEvent } from '../../../shared/records/types';
import { EventBuffer, ingest } from '../../../renderer/features/workspace/event-buffer';
import { ingestPage } from '../../../renderer/features/workspace/ingest-page';
import type { IngestedPage } from '../../../renderer/features/workspace/ingest-page';
import type { IngestPool } from '../../../renderer/features/workspace/ingest-pool';
import { flagsOf } from '../../../renderer/features/workspace/flags';
import { hostileRawEvents } from '../../fixtures/hostile/corpus';

const time = (i: number) => new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString();

/** Records of many shapes: flagged ones, resources, no readOnly, assumed roles, no eventID, not JSON at all. */
function variedEvents(): FetchedEvent[] {
  const records: string[] = [
    JSON.stringify({ eventID: 'stop', eventTime: time(1), eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', readOnly: false, requestParameters: { name: 'org-trail' }, userIdentity: { type: 'IAMUser', userName: 'jmorales', arn: 'arn:aws:iam::210987654321:user/jmorales', accountId: '210987654321', accessKeyId: 'AKIAEXAMPLE' } }),
    JSON.stringify({ eventID: 'sg', eventTime: time(2), eventSource: 'ec2.amazonaws.com', eventName: 'AuthorizeSecurityGroupIngress', awsRegion: 'eu-west-1', requestParameters: { groupId: 'sg-1', ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } } }),
    JSON.stringify({ eventID: 'key', eventTime: time(3), eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey', responseElements: { accessKey: { accessKeyId: 'AKIANEW', userName: 'bob' } }, requestParameters: { userName: 'bob' }, errorCode: '' }),
    JSON.stringify({ eventID: 'role', eventTime: 'not a time', eventName: 'GetObject', eventSource: 's3.amazonaws.com', readOnly: true, userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::1:assumed-role/Admin/alice', sessionContext: { sessionIssuer: { userName: 'Admin', arn: 'arn:aws:iam::1:role/Admin' } } }, requestParameters: { bucketName: 'b', key: 'k' } }),
    JSON.stringify({ eventTime: time(5), eventName: 'ListUsers', errorCode: 'AccessDenied', errorMessage: 'no' }),
    '[1, 2, 3]',
    '{"truncated": ',
    ...hostileRawEvents(),
  ];
  return records.map((raw, i) => ({
    eventId: `event-${i}`,
    region: i % 2 ? 'us-east-1' : 'us-west-2',
    raw,
    ...(i === 2 ? { via: { accessKeyId: 'ASIATEMP', issuedBy: 'role', issuingEventName: 'AssumeRole' } } : {}),
  }));
}

/** Everything a view can read of an event. */
const ownKeys = Object.keys(ingest(variedEvents()[0]!)).filter((key) => !['text', 'mask'].includes(key));

function viewOf(event: NormalizedEvent) {
  const keys = ownKeys;
  return { fields: Object.fromEntries([...keys, 'record', 'raw', 'via', 'parseError'].map((key) => [key, (event as unknown as Record<string, unknown>)[key]])), flags: flagsOf(event) };
}

/** A pool that does what the worker does, with the page copied as postMessage copies it, answering when told. */
function manualPool() {
  const waiting: Array<{ answer(): void; fail(): void }> = [];
  const pool: IngestPool = {
    ingest: (raws, regions) =>
      new Promise<IngestedPage>((resolve, reject) => {
        waiting.push({ answer: () => resolve(structuredClone(ingestPage(raws, regions))), fail: () => reject(new Error('worker failed')) });
      }),
  };
  return { pool: () => pool, waiting };
}

/** Plain events, enough to make a page large enough for the workers. */
const plain = (count: number, prefix = 'p') =>
  Array.from({ length: count }, (_, i) => ({ eventId: `${prefix}${i}`, region: 'us-east-1', raw: JSON.stringify({ eventID: `${prefix}${i}`, eventTime: time(i), eventName: 'GetObject' }) }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('EventBuffer', () => {
  it('gives the same events through the ingest workers as on the main thread, field by field, flags and records included', async () => {
    const events = [...variedEvents(), ...plain(200)];
    const { pool, waiting } = manualPool();
    const buffer = new EventBuffer(pool);
    expect(buffer.add([...events, ...events])).toBe(events.length);
    expect(buffer.busy).toBe(true);
    waiting.forEach((page) => page.answer());
    await settle();
    const viaWorkers = buffer.snapshot();
    expect(viaWorkers.map(viewOf)).toEqual(events.map((item) => viewOf(ingest(item))));
    expect(viaWorkers.filter((event) => flagsOf(event).length > 0).length).toBeGreaterThan(1);
  });

  it('adds pages in the order they came however the workers answer, and runs what waits on them after', async () => {
    const events = variedEvents();
    const { pool, waiting } = manualPool();
    const buffer = new EventBuffer(pool);
    let shown = 0;
    buffer.onIngested = () => (shown += 1);
    const done: number[] = [];
    buffer.add([...events.slice(0, 20), ...plain(200)]);
    buffer.whenIngested(() => done.push(buffer.snapshot().length));
    buffer.add(events.slice(20, 30));
    buffer.whenIngested(() => done.push(buffer.snapshot().length));
    waiting[1]!.answer();
    await settle();
    expect(buffer.snapshot()).toHaveLength(0);
    expect(done).toEqual([]);
    waiting[0]!.answer();
    await settle();
    expect(buffer.snapshot().map((event) => event.id).slice(0, 3)).toEqual(events.slice(0, 3).map((item) => ingest(item).id));
    expect(buffer.snapshot().at(-1)!.id).toBe(ingest(events[29]!).id);
    expect(done).toEqual([230, 230]);
    expect(shown).toBe(1);
  });

  it('ingests a page on the main thread when its worker fails, and drops the pages of a cleared fetch', async () => {
    const events = [...variedEvents(), ...plain(200)];
    const { pool, waiting } = manualPool();
    const buffer = new EventBuffer(pool);
    buffer.add(plain(200, 'old'));
    let stale = false;
    buffer.whenIngested(() => (stale = true));
    buffer.clear();
    buffer.add(events);
    waiting[1]!.fail();
    waiting[0]!.answer();
    await settle();
    expect(stale).toBe(false);
    expect(buffer.snapshot().map(viewOf)).toEqual(events.map((item) => viewOf(ingest(item))));
  });

  it('ingests small pages at once when nothing is on its way', () => {
    const { pool, waiting } = manualPool();
    const buffer = new EventBuffer(pool);
    buffer.add(variedEvents().slice(0, 5));
    expect(waiting).toHaveLength(0);
    expect(buffer.snapshot()).toHaveLength(5);
  });
});
