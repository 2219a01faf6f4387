import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../../../shared/records/types';

/** A plausible successful call by IAM user alice; `fields` override or add fields. */
export function recordOf(eventSource: string, eventName: string, fields: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    eventTime: '2026-11-20T10:00:00Z',
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15.0',
    eventID: `${eventName}-1`,
    userIdentity: { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' },
    ...fields,
  };
}

/** The normalised event of such a record. */
export function eventOf(eventSource: string, eventName: string, fields: Partial<CloudTrailRecord> = {}): NormalizedEvent {
  return normalizeEvent(recordOf(eventSource, eventName, fields));
}
