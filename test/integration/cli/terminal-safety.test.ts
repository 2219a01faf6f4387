import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvent } from '../../fakes/cloudtrail/fake-events';
import type { FakeEvent } from '../../fakes/cloudtrail/fake-events';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJira } from '../../fakes/jira/fake-jira';
import { defaultProjects } from '../../fakes/jira/fake-jira-data';
import { hostileFakeEvents } from '../../fixtures/hostile/served';
import { fakeEnv, staticKeys, tempHome } from '../cloudtrail/helpers';
import { rawControlsIn, spawnCli } from './spawn-cli';

/**
 * Promise 21: nothing the CLI prints carries a raw control character from event data or from
 * a service. The hostile corpus of promise 8 plus terminal payloads (OSC 52 writes the
 * clipboard, OSC 8 plants a link, 8-bit CSI and OSC, BEL, NEL, a lone carriage return that
 * overwrites a line) go through fetch in every format, draft, and ticket's errors from Jira.
 */
const terminalPayloads = {
  osc52: '\u001b]52;c;ZXZpbA==\u0007',
  osc8: '\u001b]8;;https://evil.test\u001b\\click\u001b]8;;\u001b\\',
  csi8bit: '\u009b31mred\u009b0m',
  osc8bit: '\u009d0;title\u009c',
  bell: 'ding\u0007',
  nel: 'next\u0085line',
  overwrite: 'safe\rFAKE',
};
const now = Date.now();

function terminalEvents(): FakeEvent[] {
  return Object.values(terminalPayloads).map((payload, i) =>
    fakeEvent({
      time: Math.floor((now - 2 * 3_600_000) / 1000) * 1000 + i * 1000,
      region: 'eu-west-1',
      userName: 'mallory',
      extra: { userAgent: payload, errorCode: 'AccessDenied', errorMessage: payload, requestParameters: { [payload]: payload } },
    }),
  );
}

const allEvents = [
  ...hostileFakeEvents({ userName: 'mallory', region: 'eu-west-1', accessKeyId: 'AKIAHOSTILE000000001', now }),
  ...terminalEvents(),
];
let home: ReturnType<typeof tempHome>;
let cloudTrail: FakeCloudTrail | null = null;

beforeAll(() => {
  home = tempHome(staticKeys);
});
afterAll(() => home.cleanup());
afterEach(async () => {
  await cloudTrail?.close();
  cloudTrail = null;
});

function fetchArgs(format: string): string[] {
  return ['fetch', '--profile', 'analyst', '--region', 'eu-west-1', '--user', 'mallory', '--since', '1d', '--format', format];
}

async function fetchHostile(format: string) {
  cloudTrail = await startFakeCloudTrail({ events: allEvents, callsPerSecond: 0 });
  const env = { ...fakeEnv(home.home, cloudTrail.url), TRAILCASE_CACHE_DIR: join(home.home, `cache-${format}`) };
  const run = await spawnCli(fetchArgs(format), { env });
  expect(run.code, run.stderr).toBe(0);
  return run;
}

const parseable = allEvents.filter((event) => {
  try {
    JSON.parse(event.raw);
    return true;
  } catch {
    return false;
  }
});

describe('promise 21: fetch prints no raw control character', () => {
  test('--format csv: cells show ESC, BEL and C1 as markers; only the CRLF line ends are control bytes', async () => {
    const run = await fetchHostile('csv');
    expect(rawControlsIn(run.stdout, { crlf: true })).toEqual([]);
    expect(rawControlsIn(run.stderr)).toEqual([]);
    expect(run.stdout).toContain('⟨U+001B⟩]52;c;ZXZpbA==⟨U+0007⟩');
    expect(run.stdout).toContain('⟨U+009B⟩31mred');
    expect(run.stdout).toContain('safe⟨U+000D⟩FAKE');
    const rows = parse(run.stdout) as string[][];
    expect(rows).toHaveLength(allEvents.length + 1);
  }, 60_000);

  test('--format records: C1 and bidi characters are \\u escapes, and every record parses to what CloudTrail sent', async () => {
    const run = await fetchHostile('records');
    expect(rawControlsIn(run.stdout)).toEqual([]);
    expect(rawControlsIn(run.stderr)).toEqual([]);
    expect(run.stdout).not.toMatch(/[\u202e\u2028\u2029]/);
    expect(run.stdout).toContain('\\u009b31mred');
    const records = (JSON.parse(run.stdout) as { Records: Array<{ eventID: string }> }).Records;
    expect(records).toHaveLength(parseable.length);
    for (const record of records) {
      const sent = parseable.find((event) => event.eventId === record.eventID)!.raw;
      // The 5,000-deep record is too deep for a recursive comparison; it has nothing to escape, so
      // it is written exactly as sent.
      if (sent.includes('{"n":{"n":')) expect(run.stdout).toContain(sent);
      else expect(record).toEqual(JSON.parse(sent));
    }
  }, 60_000);

  test('--format ndjson: every line parses, each raw text exactly as fetched, unparseable one included', async () => {
    const run = await fetchHostile('ndjson');
    expect(rawControlsIn(run.stdout)).toEqual([]);
    expect(rawControlsIn(run.stderr)).toEqual([]);
    const raws = run.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { raw: string }).raw);
    expect(raws.sort()).toEqual(allEvents.map((event) => event.raw).sort());
  }, 60_000);

  test("AWS's error text reaches stderr with its escapes shown as markers", async () => {
    cloudTrail = await startFakeCloudTrail({
      events: allEvents,
      callsPerSecond: 0,
      fault: () => 'denied',
      deniedMessage: terminalPayloads.osc52,
    });
    const run = await spawnCli(fetchArgs('records'), {
      env: { ...fakeEnv(home.home, cloudTrail.url), TRAILCASE_CACHE_DIR: join(home.home, 'cache-denied') },
    });
    expect(run.code).not.toBe(0);
    expect(rawControlsIn(run.stderr)).toEqual([]);
    expect(run.stderr).toContain('⟨U+001B⟩]52;c;');
  }, 60_000);
});

describe('promise 21: draft and ticket print no raw control character', () => {
  let jira: FakeJira;
  let eventsFile: string;
  const hostileType = `Bug${terminalPayloads.osc8}${terminalPayloads.csi8bit}`;

  beforeAll(async () => {
    const projects = defaultProjects();
    const security = projects[0]!;
    security.issueTypes.push({ ...security.issueTypes[0]!, id: '10009', name: hostileType });
    jira = await startFakeJira({ projects });
    eventsFile = join(home.home, 'hostile.json');
    // The records as CloudTrail sent them, the unparseable one as a string element.
    const elements = allEvents.map((event) => (parseable.includes(event) ? event.raw : JSON.stringify(event.raw)));
    writeFileSync(eventsFile, `{"Records":[${elements.join(',')}]}`);
  });
  afterAll(async () => {
    await jira.close();
  });

  const jiraEnv = () => ({
    JIRA_BASE_URL: jira.url,
    JIRA_EMAIL: jira.email,
    JIRA_API_TOKEN: jira.apiToken,
    TRAILCASE_DATA_DIR: join(home.home, 'data'),
  });

  test.each(['markdown', 'json', 'adf'])(
    'draft --format %s',
    async (format) => {
      const run = await spawnCli(['draft', '--events', eventsFile, '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(rawControlsIn(run.stdout)).toEqual([]);
      expect(rawControlsIn(run.stderr)).toEqual([]);
      if (format !== 'markdown') JSON.parse(run.stdout);
      else expect(run.stdout).toContain('⟨U+001B⟩');
    },
    60_000,
  );

  test("Jira's issue type names, in the list of a missing type and in the progress line", async () => {
    const missing = await spawnCli(['ticket', '--events', eventsFile, '--project', 'SEC', '--issue-type', 'Nope'], { env: jiraEnv() });
    expect(missing.code).toBe(2);
    expect(rawControlsIn(missing.stderr)).toEqual([]);
    expect(missing.stderr).toContain('Bug⟨U+001B⟩]8;;https://evil.test');
    const dryRun = await spawnCli(['ticket', '--events', eventsFile, '--project', 'SEC', '--issue-type', '10009', '--dry-run'], {
      env: jiraEnv(),
    });
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(rawControlsIn(dryRun.stdout)).toEqual([]);
    const sent = await spawnCli(['ticket', '--events', eventsFile, '--project', 'SEC', '--issue-type', '10009'], { env: jiraEnv() });
    expect(sent.code, sent.stderr).toBe(0);
    expect(rawControlsIn(sent.stderr)).toEqual([]);
    expect(sent.stderr).toContain('Creating a Bug⟨U+001B⟩]8;;');
  }, 90_000);

  test("Jira's error messages and field errors", async () => {
    jira.fail({
      route: 'create',
      status: 400,
      body: { errorMessages: [terminalPayloads.osc52], errors: { summary: terminalPayloads.osc8 } },
    });
    const refused = await spawnCli(['ticket', '--events', eventsFile, '--project', 'SEC'], { env: jiraEnv() });
    expect(refused.code).not.toBe(0);
    expect(rawControlsIn(refused.stderr)).toEqual([]);
    expect(refused.stderr).toContain('⟨U+001B⟩]52;c;ZXZpbA==⟨U+0007⟩');
    expect(refused.stderr).toContain('summary: ⟨U+001B⟩]8;;');
    jira.fail({ route: 'createmeta', status: 403, body: { errorMessages: [terminalPayloads.osc8bit], errors: {} } });
    const forbidden = await spawnCli(['ticket', '--events', eventsFile, '--project', 'SEC'], { env: jiraEnv() });
    expect(forbidden.code).not.toBe(0);
    expect(rawControlsIn(forbidden.stderr)).toEqual([]);
    expect(forbidden.stderr).toContain('⟨U+009D⟩0;title⟨U+009C⟩');
  }, 90_000);

  test('an issue key Jira answers with, on stdout and stderr', async () => {
    const key = `SEC-1${terminalPayloads.osc8}`;
    jira.fail({ route: 'create', status: 201, after: true, body: { id: '1', key, self: `${jira.url}/rest/api/3/issue/1` } });
    const run = await spawnCli(['ticket', '--events', eventsFile, '--project', 'SEC'], { env: jiraEnv() });
    expect(rawControlsIn(run.stdout)).toEqual([]);
    expect(rawControlsIn(run.stderr)).toEqual([]);
    expect(run.stdout).toContain('SEC-1⟨U+001B⟩]8;;https://evil.test');
  }, 90_000);
});

describe('promise 21: one writer', () => {
  test('no CLI module writes to stdout or stderr except through the terminal-safe writer', () => {
    const cliDir = resolve(__dirname, '../../../main/cli');
    const files = readdirSync(cliDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    const direct = files.filter(
      (name) =>
        name !== 'terminal-output.ts' &&
        /process\.(stdout|stderr)\.write|console\.(log|error|warn|info)/.test(readFileSync(join(cliDir, name), 'utf8')),
    );
    expect(files.length).toBeGreaterThan(5);
    expect(direct).toEqual([]);
  });
});
