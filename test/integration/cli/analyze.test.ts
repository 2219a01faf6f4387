import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoAccount, demoAnchor } from '../../../main/services/demo/demo-account';
import { attacker } from '../../../main/services/demo/demo-identities';
import { readRecordsFile } from '../../../main/services/drafts/records-file';
import { importIntelFile } from '../../../main/services/intel/import-intel';
import { runCli } from '../../helpers/run-cli';

let work: string;
const env = () => ({ TRAILCASE_DATA_DIR: join(work, 'data'), TRAILCASE_CACHE_DIR: join(work, 'cache') });

const identity = { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice' };
const record = (minute: number, eventName: string, fields: Record<string, unknown> = {}) => ({
  eventVersion: '1.09',
  userIdentity: identity,
  eventTime: new Date(Date.parse('2026-11-20T10:00:00Z') + minute * 60_000).toISOString().replace('.000Z', 'Z'),
  eventSource: 'cloudtrail.amazonaws.com',
  eventName,
  awsRegion: 'us-east-1',
  sourceIPAddress: '81.2.69.160',
  userAgent: 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0',
  requestParameters: null,
  responseElements: null,
  eventID: `ev-${minute}`,
  readOnly: false,
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
  ...fields,
});

async function write(name: string, value: unknown): Promise<string> {
  const path = join(work, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'trailcase-analyze-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('trailcase analyze', () => {
  it('prints one JSON object with the exact names of DESIGN 2.6, every record by its eventID', async () => {
    const noId: Record<string, unknown> = record(2, 'DescribeTrails', { readOnly: true });
    delete noId.eventID;
    const events = await write('events.json', {
      Records: [
        record(0, 'StopLogging', { requestParameters: { name: 'management-events' }, userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2024\u009b31m' }),
        record(1, 'DeleteTrail', { requestParameters: { name: 'management-events' } }),
        noId,
        '{"not": "parsed"',
      ],
    });
    const run = await runCli(['analyze', '--events', events], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const analysis = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(analysis)).toEqual(expect.arrayContaining(['rulePack', 'baseline', 'events', 'sources', 'findings']));
    expect(typeof analysis.rulePack).toBe('string');
    expect(analysis.baseline).toBeNull();

    const list = analysis.events as Array<Record<string, unknown>>;
    expect(list).toHaveLength(4);
    expect(list.slice(0, 2).map((event) => event.eventID)).toEqual(['ev-0', 'ev-1']);
    // Records without an eventID get the id the app and `draft` give them (from their own text).
    expect(list.map((event) => event.eventID)).toEqual((await readRecordsFile(events)).map((event) => event.id));
    expect(list[2]!.eventID).toMatch(/^unparsed-[0-9a-f]{8}-\d+$/);
    for (const event of list) expect(Object.keys(event)).toEqual(expect.arrayContaining(['eventID', 'flags', 'new']));
    expect(list[3]).toMatchObject({ flags: [], new: [] });
    const flag = (list[0]!.flags as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(flag)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'category', 'title', 'reason', 'attack']));
    expect(['info', 'low', 'medium', 'high', 'critical']).toContain(flag.severity);
    expect((flag.attack as string[]).every((id) => /^T\d{4}(\.\d{3})?$/.test(id))).toBe(true);

    const source = (analysis.sources as Array<Record<string, unknown>>).find((item) => item.ip === '81.2.69.160')!;
    expect(Object.keys(source)).toEqual(expect.arrayContaining(['ip', 'country', 'asn', 'asOrg', 'aws', 'tor', 'events']));
    expect(source).toMatchObject({ events: 3, aws: null, tor: null });

    const findings = analysis.findings as Array<Record<string, unknown>>;
    const tampering = findings.find((finding) => finding.kind === 'logging-tampering')!;
    expect(Object.keys(tampering)).toEqual(expect.arrayContaining(['kind', 'severity', 'summary', 'eventIDs', 'attack']));
    expect(tampering.eventIDs).toEqual(['ev-0', 'ev-1']);
    expect(findings.map((finding) => finding.kind)).toContain('pentest-tool');

    // Promise 21: a C1 control from the data is written as a JSON escape, never raw.
    expect(run.stdout).not.toMatch(/\u009b/);
    expect(run.stdout).toContain('\\u009b31m');
  });

  it('compares with --baseline and says what is new', async () => {
    const baseline = await write('baseline.json', { Records: [record(-3000, 'DescribeTrails', { readOnly: true })] });
    const events = await write('with-baseline.json', { Records: [record(0, 'DescribeTrails', { readOnly: true }), record(1, 'StopLogging', { awsRegion: 'eu-west-1' })] });
    const run = await runCli(['analyze', '--events', events, '--baseline', baseline], env());
    expect(run.code).toBe(0);
    const analysis = JSON.parse(run.stdout) as { baseline: unknown; events: Array<{ new: string[] }> };
    expect(analysis.baseline).toEqual({ start: '2026-11-18T08:00:00.000Z', end: '2026-11-18T08:00:00.000Z', events: 1 });
    expect(analysis.events.map((event) => event.new)).toEqual([[], ['eventName', 'region']]);
  });

  it('prints a Markdown report with --format markdown', async () => {
    const events = await write('md.json', { Records: [record(0, 'StopLogging')] });
    const run = await runCli(['analyze', '--events', events, '--format', 'markdown'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## Trailcase analysis\n/);
    expect(run.stdout).toContain('### What stands out');
    expect(run.stdout).toContain('ip-location-db');
  });

  it('exits 2 on bad usage', async () => {
    expect((await runCli(['analyze'], env())).code).toBe(2);
    const events = await write('usage.json', { Records: [] });
    expect((await runCli(['analyze', '--events', events, '--format', 'xml'], env())).code).toBe(2);
  });

  it('exits 1 naming the file that cannot be read, and why', async () => {
    const missing = join(work, 'nope.json');
    const run = await runCli(['analyze', '--events', missing], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toContain('ENOENT');
    const broken = await write('broken.json', '{"Records": [');
    const bad = await runCli(['analyze', '--events', (await write('ok.json', { Records: [] })), '--baseline', broken], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${broken} is not JSON`);
    expect(bad.stdout).toBe('');
  });

  it("uses the data folder's imported Tor exits and AWS ranges, and warns about one it cannot use", async () => {
    const dataDir = join(work, 'intel-data');
    const tor = await write('exits.txt', '185.220.101.47\n');
    const ranges = await write('ip-ranges.json', {
      syncToken: '1764590000',
      createDate: '2026-11-19-12-00-00',
      prefixes: [{ ip_prefix: '54.240.196.0/24', region: 'us-east-1', service: 'EC2', network_border_group: 'us-east-1' }],
      ipv6_prefixes: [],
    });
    await importIntelFile(dataDir, { kind: 'tor-exits', file: tor, listDate: '2026-11-20T00:00:00Z' });
    await importIntelFile(dataDir, { kind: 'aws-ip-ranges', file: ranges });
    const instance = { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/web/i-0abc123def4567890', accountId: '111122223333', sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/web' } } };
    const events = await write('intel-events.json', {
      Records: [
        record(0, 'ListBuckets', { sourceIPAddress: '185.220.101.47', readOnly: true }),
        record(1, 'ListBuckets', { sourceIPAddress: '54.240.196.10', userIdentity: instance, readOnly: true }),
        record(2, 'ListBuckets', { sourceIPAddress: '81.2.69.160', userIdentity: instance, readOnly: true }),
      ],
    });
    const run = await runCli(['analyze', '--events', events], { TRAILCASE_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    const analysis = JSON.parse(run.stdout) as { sources: Array<{ ip: string; tor: boolean | null; aws: string | null }>; findings: Array<{ kind: string; eventIDs: string[] }> };
    expect(analysis.sources.map((source) => [source.ip, source.tor, source.aws])).toEqual(
      expect.arrayContaining([['185.220.101.47', true, null], ['54.240.196.10', false, 'EC2'], ['81.2.69.160', false, null]]),
    );
    expect(analysis.findings.find((finding) => finding.kind === 'tor-exit')!.eventIDs).toEqual(['ev-0']);
    expect(analysis.findings.find((finding) => finding.kind === 'instance-credentials-outside-aws')!.eventIDs).toEqual(['ev-2']);

    // A stored data set that no longer matches its record is not used, and the analyst is told.
    await writeFile(join(dataDir, 'intel', 'tor-exits.data'), 'tampered\n');
    const warned = await runCli(['analyze', '--events', events], { TRAILCASE_DATA_DIR: dataDir });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/warning: enrichment data set not used: tor-exits/);
    expect((JSON.parse(warned.stdout) as { sources: Array<{ tor: boolean | null }> }).sources.every((source) => source.tor === null)).toBe(true);
  });

  it("shows the demo story's Tor exits, Kali agent, recon burst and impossible travel", async () => {
    const records = [...demoAccount(demoAnchor()).byRegion.values()]
      .flat()
      .filter((event) => event.username === 'jmorales')
      .sort((a, b) => a.time - b.time)
      .map((event) => JSON.parse(event.raw) as unknown);
    const events = await write('demo.json', { Records: records });
    const run = await runCli(['analyze', '--events', events], env());
    expect(run.code).toBe(0);
    const analysis = JSON.parse(run.stdout) as { findings: Array<{ kind: string; title: string }>; sources: Array<{ ip: string; tor: boolean | null; country: string | null }>; datasets: Array<{ name: string }> };
    const kinds = analysis.findings.map((finding) => finding.kind);
    for (const kind of ['tor-exit', 'pentest-tool', 'recon-burst', 'impossible-travel', 'console-without-mfa', 'logging-tampering']) expect(kinds).toContain(kind);
    expect(analysis.sources.find((source) => source.ip === attacker.ip)).toMatchObject({ tor: true, country: 'DE' });
    expect(analysis.datasets.map((dataset) => dataset.name).join(' ')).toMatch(/demo/);
  });
});
