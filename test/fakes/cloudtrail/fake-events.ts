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

/**
 * How an identity's activity falls over the range, as real incidents look: `uniform` evenly
 * spread; `bursty` 70% in one six-hour burst and the rest over the range; `clustered` several
 * bursts of an hour or less (80%) over a spread background; `nearlyEmpty` a range empty but for
 * one twenty-minute stretch (95%) and a few events elsewhere. Bursts put many events in one second.
 */
export type Distribution = 'uniform' | 'bursty' | 'clustered' | 'nearlyEmpty';

export const distributions: Distribution[] = ['uniform', 'bursty', 'clustered', 'nearlyEmpty'];

/** A small seeded generator (mulberry32), so every run and process draws the same times. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` event times in [start, end), whole seconds, oldest first. */
export function distributedTimes(count: number, distribution: Distribution, start: number, end: number, seed = 7): number[] {
  const random = seeded(seed);
  const span = end - start;
  const within = (from: number, length: number) => from + random() * length;
  // Each entry: share of the events, where the stretch starts (fraction of the range), its length in ms.
  const stretches: Record<Distribution, Array<[number, number, number]>> = {
    uniform: [],
    bursty: [[0.7, 0.55, 6 * 3600_000]],
    clustered: [
      [0.3, 0.12, 3600_000],
      [0.1, 0.3, 1800_000],
      [0.25, 0.52, 3600_000],
      [0.05, 0.71, 600_000],
      [0.1, 0.88, 2700_000],
    ],
    nearlyEmpty: [[0.95, 0.8, 20 * 60_000]],
  };
  if (distribution === 'uniform') {
    const step = Math.max(1000, Math.floor(span / count / 1000) * 1000);
    return Array.from({ length: count }, (_, i) => start + i * step);
  }
  const times: number[] = [];
  for (const [share, at, length] of stretches[distribution]) {
    const from = start + at * (span - length);
    for (let i = 0; i < Math.round(share * count); i++) times.push(within(from, length));
  }
  while (times.length < count) times.push(within(start, span));
  return times
    .slice(0, count)
    .map((time) => Math.floor(time / 1000) * 1000)
    .sort((a, b) => a - b);
}

/** `count` events of one user in one region, their times drawn from `distribution`. */
export function distributedEvents(
  count: number,
  distribution: Distribution,
  options: { start: number; end: number; region: string; userName: string; seed?: number },
): FakeEvent[] {
  return distributedTimes(count, distribution, options.start, options.end, options.seed).map((time) =>
    fakeEvent({ time, region: options.region, userName: options.userName }),
  );
}
