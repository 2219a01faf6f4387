import { randomUUID } from 'node:crypto';

/** One event the fake CloudTrail holds, with the fields LookupEvents filters on. */
export interface FakeEvent {
  eventId: string;
  time: number;
  region: string;
  username: string;
  accessKeyId: string;
  eventName: string;
  eventSource: string;
  raw: string;
}

/** A record shaped as CloudTrail writes it, for an IAM user calling with an access key. */
export function fakeEvent(options: {
  time: number;
  region: string;
  userName: string;
  accessKeyId?: string;
  eventName?: string;
  raw?: string;
  extra?: Record<string, unknown>;
  identity?: Record<string, unknown>;
}): FakeEvent {
  const eventId = randomUUID();
  const accessKeyId = options.accessKeyId ?? 'AKIAFAKEUSERKEY00001';
  const eventName = options.eventName ?? 'DescribeInstances';
  const record = {
    eventVersion: '1.09',
    userIdentity: options.identity ?? {
      type: 'IAMUser',
      principalId: 'AIDAFAKEPRINCIPAL001',
      arn: `arn:aws:iam::111122223333:user/${options.userName}`,
      accountId: '111122223333',
      accessKeyId,
      userName: options.userName,
    },
    eventTime: new Date(options.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'ec2.amazonaws.com',
    eventName,
    awsRegion: options.region,
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: null,
    responseElements: null,
    requestID: randomUUID(),
    eventID: eventId,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...options.extra,
  };
  return {
    eventId,
    time: options.time,
    region: options.region,
    username: options.userName,
    accessKeyId,
    eventName,
    eventSource: 'ec2.amazonaws.com',
    raw: options.raw ?? JSON.stringify(record),
  };
}

/** `count` events spread evenly over [start, end) at whole seconds, newest last. */
export function fakeEvents(
  count: number,
  options: { start: number; end: number; region: string; userName: string; accessKeyId?: string },
): FakeEvent[] {
  const step = Math.max(1000, Math.floor((options.end - options.start) / count / 1000) * 1000);
  return Array.from({ length: count }, (_, i) =>
    fakeEvent({
      time: options.start + i * step,
      region: options.region,
      userName: options.userName,
      ...(options.accessKeyId ? { accessKeyId: options.accessKeyId } : {}),
    }),
  );
}
