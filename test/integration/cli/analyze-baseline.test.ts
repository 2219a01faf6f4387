import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../helpers/run-cli';

let work: string;
const env = () => ({ TRAILCASE_DATA_DIR: join(work, 'data'), TRAILCASE_CACHE_DIR: join(work, 'cache') });

const identity = { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice' };
let counter = 0;
/** alice's nightly billing-sync configuration change (flagged: it sets the function's role), `day` days after 1 Oct. */
const update = (day: number, fields: Record<string, unknown> = {}) => ({
  eventVersion: '1.09',
  userIdentity: identity,
  eventTime: new Date(Date.parse('2026-10-01T22:00:00Z') + day * 86_400_000).toISOString(),
  eventSource: 'lambda.amazonaws.com',
  eventName: 'UpdateFunctionConfiguration20150331v2',
  awsRegion: 'us-east-1',
  sourceIPAddress: '81.2.69.160',
  userAgent: `aws-cli/2.15.30 Python/3.11.8 Linux/6.8.0 exe/x86_64 prompt/off command/lambda.update-function-configuration`,
  requestParameters: { functionName: 'billing-sync', role: 'arn:aws:iam::111122223333:role/billing-sync' },
  responseElements: null,
  eventID: `ev-${(counter += 1)}`,
  readOnly: false,
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
  ...fields,
});

async function write(name: string, value: unknown): Promise<string> {
  const path = join(work, name);
  await writeFile(path, JSON.stringify(value));
  return path;
}

let eventsFile: string;
let baselineFile: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'trailcase-analyze-baseline-'));
  baselineFile = await write('baseline.json', { Records: Array.from({ length: 30 }, (_, day) => update(day)) });
  eventsFile = await write('events.json', {
    Records: [
      update(31),
      update(32, { userAgent: 'aws-cli/2.15.30 Python/3.11.8 Linux/6.8.0 exe/x86_64 prompt/off command/lambda.get-function' }),
      update(33),
      update(33.01, { sourceIPAddress: '89.160.20.112', userAgent: 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0' }),
    ],
  });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('trailcase analyze --baseline', () => {
  it('carries new, routine, the raised flag, the groups and the baseline figures in its JSON', async () => {
    const run = await runCli(['analyze', '--events', eventsFile, '--baseline', baselineFile], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const analysis = JSON.parse(run.stdout);
    expect(analysis.baseline).toMatchObject({ events: 30 });
    expect(analysis.baselineStats).toMatchObject({ days: 30, events: 30 });
    const events = analysis.events as Array<{ eventID: string; new: string[]; routine: boolean; flags: Array<{ ruleId: string; severity: string; raisedFrom?: string; reason: string }> }>;
    expect(events.map((event) => event.routine)).toEqual([true, true, true, false]);
    expect(events.slice(0, 3).every((event) => event.new.length === 0 && event.flags[0]!.ruleId === 'TC-EXEC-005' && event.flags[0]!.severity === 'medium')).toBe(true);
    const stranger = events[3]!;
    expect(stranger.new).toEqual(expect.arrayContaining(['sourceIP', 'userAgent']));
    expect(stranger.flags[0]).toMatchObject({ ruleId: 'TC-EXEC-005', severity: 'high', raisedFrom: 'medium' });
    expect(stranger.flags[0]!.reason).toContain('New for this identity');
    expect(analysis.groups).toEqual([
      expect.objectContaining({ ruleId: 'TC-EXEC-005', eventName: 'UpdateFunctionConfiguration20150331v2', resource: 'billing-sync', count: 4, routine: false, routineCount: 3, eventIds: events.map((event) => event.eventID) }),
    ]);
    expect(analysis.counts).toMatchObject({ flagged: 4, routine: 3, raised: 1, muted: 0 });
    // The usual address updated billing-sync 14 minutes before the new one did: two parties.
    const concurrent = (analysis.findings as Array<{ kind: string; parties?: unknown }>).find((finding) => finding.kind === 'concurrent-sessions');
    expect(concurrent?.parties).toEqual({ usual: [events[2]!.eventID], new: [stranger.eventID] });
  });

  it('says in the Markdown report what is routine and groups the repeated flag into one line', async () => {
    const run = await runCli(['analyze', '--events', eventsFile, '--baseline', baselineFile, '--format', 'markdown'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(30 days, 30 events)');
    expect(run.stdout).toContain('**Routine:** 3 of 4 flagged events');
    expect(run.stdout).toMatch(/### Repeated flags\n\n- \*\*HIGH\*\* `TC-EXEC-005`: `UpdateFunctionConfiguration20150331v2` on `billing-sync`, 4 times, 1 Nov – 3 Nov, 3 of them routine/);
    expect(run.stdout).not.toContain('too short to judge');
  });

  it('warns when the baseline is under 14 days', async () => {
    const short = await write('short.json', { Records: [update(20), update(25)] });
    const run = await runCli(['analyze', '--events', eventsFile, '--baseline', short, '--format', 'markdown'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the baseline covers 6 days, under 14: too short to judge what is usual for this identity.');
  });
});
