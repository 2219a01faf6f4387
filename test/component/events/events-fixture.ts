import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';

/** Events one minute apart (the first is the oldest), each overriding some record fields. */
export function eventsOf(fields: Array<Partial<CloudTrailRecord>>): NormalizedEvent[] {
  const t0 = Date.parse('2026-11-20T10:00:00Z');
  return fields.map((f, i) =>
    normalizeEvent({
      eventID: `e${i}`,
      eventTime: new Date(t0 + i * 60_000).toISOString(),
      eventName: `Event${i}`,
      eventSource: 's3.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.7',
      userIdentity: { type: 'IAMUser', userName: 'alice' },
      ...f,
    }),
  );
}
