/**
 * Console-actions benchmark: `groupActions` on 200,000 normalised events (console bursts of
 * several people, one page every few seconds, mixed with CLI and SDK calls), as the app and the
 * analysis run it. Normalising is not timed. Prints the median of five runs and the CPU time;
 * the target is under 500 ms. BENCH_CONSOLE_EVENTS changes the count.
 */
import { loadavg, availableParallelism } from 'node:os';

import { groupActions } from '../shared/console-actions/group-actions';
import { normalizeEvent } from '../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../shared/records/types';

const COUNT = Number(process.env.BENCH_CONSOLE_EVENTS ?? 200_000);
const START = Date.parse('2026-09-01T00:00:00Z');

let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Pages as the console calls them, and what tools call outside the console.
const pages: string[][] = [
  ['iam:ListUsers', 'iam:ListAccessKeys', 'iam:ListMFADevices', 'iam:GetLoginProfile', 'iam:ListGroupsForUser', 'iam:ListAccessKeys', 'iam:ListMFADevices'],
  ['iam:GetUser', 'iam:ListAttachedUserPolicies', 'iam:ListUserPolicies', 'iam:ListGroupsForUser', 'iam:ListUserTags'],
  ['ec2:DescribeInstances', 'ec2:DescribeInstanceStatus', 'ec2:DescribeInstanceTypes'],
  ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules', 'ec2:DescribeVpcs'],
  ['s3:ListBuckets', 's3:GetStorageLensConfiguration', 's3:GetAccountPublicAccessBlock'],
  ['s3:GetBucketPolicy', 's3:GetBucketAcl', 's3:GetBucketCors', 's3:GetBucketOwnershipControls', 's3:GetBucketPublicAccessBlock'],
  ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'kms:ListAliases'],
  ['secretsmanager:GetSecretValue', 'kms:Decrypt'],
  ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
  ['lambda:ListFunctions', 'lambda:GetAccountSettings'],
  ['health:DescribeEventAggregates', 'notifications:ListNotificationHubs'],
];
const toolCalls = ['sts:GetCallerIdentity', 's3:ListBuckets', 'ec2:DescribeInstances', 'iam:ListUsers', 'lambda:UpdateFunctionConfiguration', 'dynamodb:GetItem'];
const people = ['jmorales', 'dana.reyes', 'sam.lee', 'ops-admin'];

function eventOf(key: string, time: number, user: string, console: boolean, n: number): NormalizedEvent {
  const [service = '', eventName = ''] = key.split(':');
  const record: CloudTrailRecord = {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', accessKeyId: `ASIA${user.length}EXAMPLE`, userName: user },
    eventTime: new Date(time).toISOString(),
    eventSource: `${service}.amazonaws.com`,
    eventName,
    awsRegion: 'eu-west-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: console ? 'AWS Internal' : 'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64 prompt/off',
    requestParameters: { userName: 'dana.reyes', bucketName: 'acme-logs', secretId: 'prod/db' },
    eventID: `bench-${n}`,
    ...(console ? { sessionCredentialFromConsole: 'true' } : {}),
  };
  return normalizeEvent(record);
}

function fixture(): NormalizedEvent[] {
  const out: NormalizedEvent[] = [];
  let time = START;
  while (out.length < COUNT) {
    time += Math.floor(random() * 4000);
    const user = pick(people);
    if (random() < 0.7) {
      let at = time;
      for (const key of pick(pages)) {
        at += Math.floor(random() * 400);
        out.push(eventOf(key, at, user, true, out.length));
      }
    } else {
      out.push(eventOf(pick(toolCalls), time, user, false, out.length));
    }
  }
  out.length = COUNT;
  return out.sort((a, b) => a.time - b.time);
}

/** Prints the figure line of the console-actions benchmark. */
export async function benchConsoleActions(): Promise<void> {
  const input = fixture();
  groupActions(input);
  const walls: number[] = [];
  let cpu = 0;
  let result = groupActions(input);
  for (let run = 0; run < 5; run++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    result = groupActions(input);
    walls.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu += (used.user + used.system) / 1000;
  }
  walls.sort((a, b) => a - b);
  const median = walls[2]!;
  console.log(
    `group ${COUNT.toLocaleString('en-US')} events into console actions: ${median.toFixed(0)} ms median wall, ${(cpu / 5).toFixed(0)} ms CPU  (target < 500 ms)`,
  );
  console.log(`  ${result.actions.length.toLocaleString('en-US')} actions, ${result.ungrouped.length.toLocaleString('en-US')} events left ungrouped; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
}
