import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { day, tempHome } from './helpers';

/** The AWS CLI is an independent client of the real protocol: if it works with the fake, so does the fake. */
const hasAws = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;

let fake: FakeCloudTrail;
let home: ReturnType<typeof tempHome>;
const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };

function aws(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: home.home,
    AWS_CONFIG_FILE: join(home.home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home.home, '.aws', 'credentials'),
    AWS_ACCESS_KEY_ID: 'AKIAFAKEAWSCLI000001',
    AWS_SECRET_ACCESS_KEY: 'fakeSecretForTheAwsCli',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  const child = spawn(
    'aws',
    ['cloudtrail', 'lookup-events', '--endpoint-url', fake.url, '--region', 'us-east-1', '--output', 'json', ...args],
    { env },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const lookup = [
  '--lookup-attributes',
  'AttributeKey=Username,AttributeValue=alice',
  '--start-time',
  '2026-11-01T00:00:00Z',
  '--end-time',
  '2026-11-08T00:00:00Z',
];

beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  await fake?.close();
  home.cleanup();
});

describe.skipIf(!hasAws)('the fake CloudTrail, checked with the AWS CLI (skipped: `aws` is not installed)', () => {
  test('pages every event of the identity, newest first, through NextTokens, under the 2 calls a second limit', async () => {
    const alice = fakeEvents(120, { ...range, region: 'us-east-1', userName: 'alice' });
    fake = await startFakeCloudTrail({ events: [...alice, ...fakeEvents(20, { ...range, region: 'us-east-1', userName: 'bob' })] });
    const result = await aws([...lookup, '--page-size', '50']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const events = (JSON.parse(result.stdout) as { Events: Array<{ EventId: string; CloudTrailEvent: string; EventTime: string }> }).Events;
    expect(events.map((e) => e.EventId)).toEqual([...alice].sort((a, b) => b.time - a.time).map((e) => e.eventId));
    expect(events.map((e) => e.CloudTrailEvent)).toEqual([...alice].sort((a, b) => b.time - a.time).map((e) => e.raw));
    expect(fake.lookups().filter((call) => call.status === 200)).toHaveLength(3);
    expect(fake.lookups().every((call) => call.accessKeyId === 'AKIAFAKEAWSCLI000001' && call.region === 'us-east-1')).toBe(true);
  }, 30_000);

  test('its errors have the shape the AWS CLI reads: code and message', async () => {
    fake = await startFakeCloudTrail({
      events: [],
      fault: () => 'denied',
      deniedMessage: 'User: alice is not authorized to perform: cloudtrail:LookupEvents',
    });
    const result = await aws(lookup);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('(AccessDeniedException)');
    expect(result.stderr).toContain('User: alice is not authorized to perform: cloudtrail:LookupEvents');
  }, 30_000);

  test('refuses two lookup attributes and a MaxResults above 50 as CloudTrail does', async () => {
    fake = await startFakeCloudTrail({ events: [] });
    const two = await aws([
      '--lookup-attributes',
      'AttributeKey=Username,AttributeValue=alice',
      'AttributeKey=EventName,AttributeValue=ConsoleLogin',
    ]);
    expect(two.stderr).toContain('InvalidLookupAttributesException');
    const tooMany = await aws([...lookup, '--max-results', '51', '--no-paginate']);
    expect(tooMany.stderr).toContain('InvalidMaxResultsException');
  }, 30_000);
});
