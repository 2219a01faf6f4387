import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvent, fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { day, fakeEnv, staticKeys, tempHome } from './helpers';

const root = resolve(__dirname, '../../..');
let fake: FakeCloudTrail;
let home: ReturnType<typeof tempHome>;
const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };
const inRange = ['--start', '2026-11-01T00:00:00Z', '--end', '2026-11-08T00:00:00Z'];

function cli(
  args: string[],
  options: { via?: 'source' | 'npm-wrapper'; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...fakeEnv(home.home, fake.url), PATH: process.env.PATH, TRAILCASE_CACHE_DIR: join(home.home, 'cache') };
  // `npm-wrapper` runs scripts/run-cli.mjs, what `npm run --silent cli --` runs (it builds when stale).
  const command = options.via === 'npm-wrapper' ? [join(root, 'scripts/run-cli.mjs')] : ['--import', 'tsx', join(root, 'main/cli/main.ts')];
  const child = spawn(process.execPath, [...command, ...args], { env, cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    options.onStderr?.(stderr, child);
  });
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

beforeEach(() => {
  home = tempHome(staticKeys);
});
afterEach(async () => {
  await fake?.close();
  home.cleanup();
});

describe('trailcase fetch', () => {
  test('writes {"Records":[...]}: each record exactly as CloudTrail sent it, eventTime ascending, each eventID once', async () => {
    const events = fakeEvents(70, { ...range, region: 'eu-west-1', userName: 'alice' });
    const shuffledTimes = fakeEvent({ time: range.start + 5000, region: 'us-east-1', userName: 'alice' });
    // A number no double holds: only a verbatim copy of the raw text keeps every digit.
    shuffledTimes.raw = shuffledTimes.raw.replace('"readOnly":true', '"readOnly":true,"additionalEventData":{"big":12345678901234567890}');
    fake = await startFakeCloudTrail({ events: [...events, shuffledTimes], callsPerSecond: 0 });
    const result = await cli([
      'fetch',
      '--profile',
      'analyst',
      '--region',
      'eu-west-1',
      '--region',
      'us-east-1',
      '--user',
      'alice',
      ...inRange,
    ]);
    expect(result.code).toBe(0);
    const records = (JSON.parse(result.stdout) as { Records: Array<{ eventID: string; eventTime: string }> }).Records;
    const all = [...events, shuffledTimes];
    expect(records).toHaveLength(all.length);
    const times = records.map((r) => Date.parse(r.eventTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const record of records) expect(record).toEqual(JSON.parse(all.find((e) => e.eventId === record.eventID)!.raw));
    expect(result.stdout).toContain(shuffledTimes.raw);
    expect(result.stderr).toContain('eu-west-1');
  });

  test('--format ndjson keeps an unparseable record; --format csv neutralises formulas', async () => {
    const broken = fakeEvent({ time: range.start + 1000, region: 'eu-west-1', userName: 'alice', raw: '{"eventName":"Trunc' });
    const formula = fakeEvent({
      time: range.start + 2000,
      region: 'eu-west-1',
      userName: 'alice',
      extra: { userAgent: '=HYPERLINK("http://evil.test")' },
    });
    fake = await startFakeCloudTrail({ events: [broken, formula], callsPerSecond: 0 });
    const ndjson = await cli([
      'fetch',
      '--profile',
      'analyst',
      '--region',
      'eu-west-1',
      '--user',
      'alice',
      ...inRange,
      '--format',
      'ndjson',
      '--out',
      join(home.home, 'out.ndjson'),
    ]);
    expect(ndjson.code).toBe(0);
    const lines = readFileSync(join(home.home, 'out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { raw: string });
    expect(lines.map((l) => l.raw)).toContain(broken.raw);
    const csv = await cli(['fetch', '--profile', 'analyst', '--region', 'eu-west-1', '--user', 'alice', ...inRange, '--format', 'csv']);
    expect(csv.stdout).toContain(`'=HYPERLINK`);
  });

  test('exit codes: 2 for bad usage, 3 for a missing profile, 4 when a failure keeps partial results', async () => {
    fake = await startFakeCloudTrail({
      events: fakeEvents(120, { ...range, region: 'eu-west-1', userName: 'alice' }),
      callsPerSecond: 0,
      fault: (_call, index) => (index >= 1 ? 'denied' : undefined),
    });
    expect((await cli(['fetch', '--profile', 'analyst', '--user', 'alice', '--access-key-id', 'AKIAFAKEANALYST00001'])).code).toBe(2);
    expect((await cli(['fetch', '--profile', 'analyst', '--user', 'alice', '--since', 'forever'])).code).toBe(2);
    const missing = await cli(['fetch', '--profile', 'nobody', '--region', 'eu-west-1', '--user', 'alice']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('nobody');
    const partial = await cli(['fetch', '--profile', 'analyst', '--region', 'eu-west-1', '--user', 'alice', ...inRange]);
    expect(partial.code).toBe(4);
    expect((JSON.parse(partial.stdout) as { Records: unknown[] }).Records).toHaveLength(50);
  }, 60_000);

  for (const via of ['source', 'npm-wrapper'] as const) {
    test(`Ctrl+C (SIGINT) stops the fetch, keeps what arrived and exits 4 (${via})`, async () => {
      const events = fakeEvents(200, { ...range, region: 'eu-west-1', userName: 'alice' });
      let served = 0;
      // Two pages arrive, then CloudTrail hangs: the analyst presses Ctrl+C.
      fake = await startFakeCloudTrail({ events, callsPerSecond: 0, fault: () => (++served > 2 ? 'hang' : undefined) });
      const out = join(home.home, 'partial.json');
      let sent = false;
      const result = await cli(['fetch', '--profile', 'analyst', '--region', 'eu-west-1', '--user', 'alice', ...inRange, '--out', out], {
        via,
        onStderr: (text, child) => {
          if (!sent && served > 2) {
            sent = true;
            child.kill('SIGINT');
          }
        },
      });
      expect(result.code).toBe(4);
      expect(result.stderr).toContain('cancelled');
      const kept = (JSON.parse(readFileSync(out, 'utf8')) as { Records: unknown[] }).Records;
      expect(kept).toHaveLength(100);
      // The npm wrapper rebuilds first when the sources changed: minutes on a loaded machine.
    }, 180_000);
  }

  test('Ctrl+C while a credential_process hangs stops at once with exit 4', async () => {
    fake = await startFakeCloudTrail({ events: [], callsPerSecond: 0 });
    const hung = join(root, 'test/fixtures/aws/hung-process.sh');
    writeFileSync(join(home.home, '.aws', 'config'), `[profile hung]\nregion = eu-west-1\ncredential_process = ${hung}\n`);
    const started = Date.now();
    let sent = false;
    const result = await cli(['fetch', '--profile', 'hung', '--user', 'alice', ...inRange], {
      onStderr: (text, child) => {
        if (!sent && text.includes('Getting credentials')) {
          sent = true;
          setTimeout(() => child.kill('SIGINT'), 300);
        }
      },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('cancelled');
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 40_000);
});
