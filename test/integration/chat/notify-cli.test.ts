import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { startFakeWebhooks } from '../../fakes/chat/fake-webhooks';
import type { FakeWebhooks } from '../../fakes/chat/fake-webhooks';
import { runCli } from '../../helpers/run-cli';

let fake: FakeWebhooks;
let dir: string;
let eventsFile: string;
let otherEventsFile: string;

function records(name: string, count: number) {
  return {
    Records: Array.from({ length: count }, (_, i) => ({
      eventVersion: '1.09',
      eventTime: `2026-11-20T10:${String(i).padStart(2, '0')}:00Z`,
      eventSource: 'iam.amazonaws.com',
      eventName: i === 0 ? 'CreateAccessKey' : 'ListUsers',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.4',
      userAgent: '<!channel> <https://evil.test|click>',
      eventID: `${name}-${i}`,
      readOnly: i !== 0,
      userIdentity: { type: 'IAMUser', userName: name, arn: `arn:aws:iam::111122223333:user/${name}`, accessKeyId: 'AKIAEXAMPLE000000001' },
      requestParameters: i === 0 ? { userName: name } : null,
    })),
  };
}

beforeAll(async () => {
  fake = await startFakeWebhooks();
  dir = mkdtempSync(join(tmpdir(), 'trailcase-notify-'));
  eventsFile = join(dir, 'events.json');
  otherEventsFile = join(dir, 'other.json');
  writeFileSync(eventsFile, JSON.stringify(records('jmorales', 5)));
  writeFileSync(otherEventsFile, JSON.stringify(records('svc-backup', 3)));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  TRAILCASE_DATA_DIR: join(dir, 'data'),
  TRAILCASE_CACHE_DIR: join(dir, 'cache'),
  TRAILCASE_SLACK_WEBHOOK_URL: fake.slackUrl,
  TRAILCASE_TEAMS_WEBHOOK_URL: fake.teamsUrl,
  ...extra,
});
const secretPart = (url: string) => new URL(url).pathname.split('/').slice(2).join('/');

describe('trailcase notify', () => {
  test('--dry-run prints the Slack body and posts nothing', async () => {
    const before = fake.attempts.length;
    const run = await runCli(['notify', '--events', eventsFile, '--slack', '--dry-run'], env());
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { blocks: unknown[]; text: string };
    expect(body.blocks.length).toBeGreaterThan(2);
    expect(fake.attempts.length).toBe(before);
  });

  test('posts once to Slack; the same summary again is not posted twice; the URL is never printed', async () => {
    const first = await runCli(['notify', '--events', eventsFile, '--slack'], env());
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Posted to Slack: message [a-f0-9]{12}\n$/);
    const again = await runCli(['notify', '--events', eventsFile, '--slack'], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already posted/);
    expect(fake.delivered.filter((message) => message.channel === 'slack')).toHaveLength(1);
    for (const run of [first, again]) expect(run.stdout + run.stderr).not.toContain(secretPart(fake.slackUrl));
  });

  test('a 429 is waited out (Retry-After) and the message posted once', async () => {
    const delivered = fake.delivered.length;
    fake.failNext('teams', { kind: 'rate-limited', retryAfterSeconds: 1 });
    const run = await runCli(['notify', '--events', eventsFile, '--teams'], env());
    expect(run.code).toBe(0);
    expect(fake.delivered.length).toBe(delivered + 1);
    expect(fake.attempts.slice(-2).map((attempt) => attempt.status)).toEqual([429, 202]);
  });

  test('an answer lost after delivery is never re-posted until --send-again', async () => {
    fake.failNext('slack', { kind: 'lost-answer' });
    const delivered = () => fake.delivered.filter((message) => message.channel === 'slack').length;
    const start = delivered();
    const lost = await runCli(['notify', '--events', otherEventsFile, '--slack'], env());
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(/may be in the channel/);
    const attempts = fake.attempts.length;
    const retried = await runCli(['notify', '--events', otherEventsFile, '--slack'], env());
    expect(retried.code).toBe(1);
    expect(retried.stderr).toMatch(/may already be in the Slack channel/);
    expect(fake.attempts.length).toBe(attempts);
    const again = await runCli(['notify', '--events', otherEventsFile, '--slack', '--send-again'], env());
    expect(again.code).toBe(0);
    expect(delivered()).toBe(start + 2);
  });

  test('a removed webhook says so without its secret path', async () => {
    const removed = `${fake.base}/services/T0FAKE/B0GONE/removedSecret987654`;
    const run = await runCli(['notify', '--events', eventsFile, '--slack'], env({ TRAILCASE_SLACK_WEBHOOK_URL: removed }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/removed or disabled/);
    expect(run.stderr).not.toContain('removedSecret987654');
  });

  test('no webhook configured is a missing credential (exit 3); neither or both channels is bad usage (exit 2)', async () => {
    const missing = await runCli(['notify', '--events', eventsFile, '--slack'], { TRAILCASE_DATA_DIR: join(dir, 'data') });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('TRAILCASE_SLACK_WEBHOOK_URL');
    expect((await runCli(['notify', '--events', eventsFile], env())).code).toBe(2);
    expect((await runCli(['notify', '--events', eventsFile, '--slack', '--teams'], env())).code).toBe(2);
  });

  test('a plain-http webhook off this machine is refused', async () => {
    const run = await runCli(['notify', '--events', eventsFile, '--slack'], env({ TRAILCASE_SLACK_WEBHOOK_URL: 'http://hooks.example.test/services/T1/B1/x' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/must start with https/);
  });
});
