/**
 * Analyze benchmark: `trailcase analyze` of 100,000 events in one process, with enrichment
 * (the bundled country and ASN data, and imported AWS ranges and Tor exits), as the CLI runs it:
 * read and parse the records file, normalise, flag, enrich, find, and write the JSON, in a process
 * of its own. Prints the time of each step and the total; the target is under 2 s.
 * BENCH_ANALYZE_EVENTS changes the count.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { analyzeRecords } from '../shared/analysis/analyze';
import { inertJson } from '../main/cli/terminal-output';
import { readEventsForAnalysis } from '../main/cli/commands/analyze';
import { importIntelFile } from '../main/services/intel/import-intel';
import { loadIpEnricher } from '../main/services/intel/load-enricher';

const COUNT = Number(process.env.BENCH_ANALYZE_EVENTS ?? 100_000);
const START = Date.parse('2026-11-01T00:00:00Z');
const SPAN = 14 * 86_400_000;

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Public addresses in networks of several countries, a few AWS and Tor ones among them.
const prefixes = ['81.2.69', '185.220.101', '23.129.64', '52.95.110', '89.160.20', '2.125.160', '175.16.199', '216.160.83', '217.65.48', '67.43.156'];
const addresses = prefixes.flatMap((prefix) => Array.from({ length: 50 }, (_, i) => `${prefix}.${i + 1}`));
const users = ['alice', 'bob', 'carol'];
const agents = [
  'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off',
  'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0 lang/python#3.12.3',
  'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2024 prompt/off',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'aws-sdk-js/3.614.0 ua/2.0 os/linux#6.5.0 lang/js md/nodejs#20.15.1',
];
const calls: Array<[string, string, boolean]> = [
  ['s3.amazonaws.com', 'GetObject', true], ['s3.amazonaws.com', 'ListBuckets', true], ['ec2.amazonaws.com', 'DescribeInstances', true],
  ['iam.amazonaws.com', 'ListUsers', true], ['sts.amazonaws.com', 'GetCallerIdentity', true], ['sts.amazonaws.com', 'AssumeRole', true],
  ['iam.amazonaws.com', 'CreateAccessKey', false], ['cloudtrail.amazonaws.com', 'StopLogging', false], ['ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', false],
  ['secretsmanager.amazonaws.com', 'GetSecretValue', true], ['kms.amazonaws.com', 'Decrypt', true], ['lambda.amazonaws.com', 'ListFunctions20150331', true],
];

function records(): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < COUNT; i++) {
    const user = pick(users);
    const [eventSource, eventName, readOnly] = calls[Math.floor(random() ** 2 * calls.length)]!;
    const signIn = i % 500 === 0;
    out.push({
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', principalId: `AIDA${user.toUpperCase()}`, arn: `arn:aws:iam::210987654321:user/${user}`, accountId: '210987654321', accessKeyId: 'AKIAEXAMPLEKEY000001', userName: user },
      eventTime: new Date(START + Math.floor(random() * SPAN)).toISOString().replace(/\.\d+Z$/, 'Z'),
      eventSource: signIn ? 'signin.amazonaws.com' : eventSource,
      eventName: signIn ? 'ConsoleLogin' : eventName,
      awsRegion: pick(['us-east-1', 'eu-west-1', 'us-west-2']),
      sourceIPAddress: random() < 0.1 ? '10.0.3.7' : pick(addresses),
      userAgent: pick(agents),
      ...(random() < 0.04 ? { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform this action' } : {}),
      requestParameters: eventName === 'AuthorizeSecurityGroupIngress' ? { groupId: 'sg-0a1b2c3d', ipPermissions: { items: [{ ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } } : { bucketName: `bucket-${i % 50}` },
      responseElements: signIn ? { ConsoleLogin: random() < 0.2 ? 'Failure' : 'Success' } : null,
      ...(signIn ? { additionalEventData: { MFAUsed: random() < 0.5 ? 'No' : 'Yes' } } : {}),
      eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      readOnly,
      eventType: 'AwsApiCall',
      recipientAccountId: '210987654321',
    });
  }
  return out;
}

/** Writes the benchmark's data folder (Tor exits and AWS ranges imported) and records file into `work`. */
export async function writeAnalyzeFixture(work: string): Promise<{ dataDir: string; file: string }> {
  const dataDir = join(work, 'data');
  const tor = join(work, 'exits.txt');
  await writeFile(tor, [...Array.from({ length: 50 }, (_, i) => `185.220.101.${i + 1}`), ...Array.from({ length: 1000 }, (_, i) => `199.249.${i >> 8}.${i & 255}`)].join('\n'));
  const aws = join(work, 'ip-ranges.json');
  const prefix = (ip_prefix: string, service: string) => ({ ip_prefix, region: 'us-east-1', service, network_border_group: 'us-east-1' });
  await writeFile(aws, JSON.stringify({ syncToken: '1764590000', createDate: '2026-11-30-12-00-00', prefixes: [prefix('52.95.110.0/24', 'AMAZON'), prefix('52.95.110.0/25', 'EC2'), prefix('54.240.0.0/16', 'AMAZON')], ipv6_prefixes: [] }));
  await importIntelFile(dataDir, { kind: 'tor-exits', file: tor, listDate: '2026-11-30T00:00:00Z' });
  await importIntelFile(dataDir, { kind: 'aws-ip-ranges', file: aws });
  const file = join(work, 'events.json');
  // Sorted by eventTime, as `trailcase fetch` writes records files.
  const sorted = (records() as Array<{ eventTime: string }>).sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
  await writeFile(file, JSON.stringify({ Records: sorted }));
  return { dataDir, file };
}

/** A stage's wall time, the CPU time of this process during it, and the garbage collector's time in it. */
type Figure = [label: string, wallMs: number, cpuMs: number, gcMs: number];

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Stage {
  label: string;
  from: number;
  to: number;
  cpu: number;
}

/** Wall time, and the CPU time of this process (what the step costs when other work shares the cores). */
async function timed<T>(stages: Stage[], label: string, run: () => Promise<T> | T): Promise<T> {
  const [wall, cpu] = [performance.now(), cpuMs()];
  const result = await run();
  stages.push({ label, from: wall, to: performance.now(), cpu: cpuMs() - cpu });
  return result;
}

/**
 * The measured part, in a process of its own (as `trailcase analyze` runs: a fresh heap, not the
 * one that generated the fixture): load the data sets, read the file, analyse, write the JSON.
 * The garbage collector's pauses are observed and told per stage (part of the stage's time).
 */
async function measure(dataDir: string, file: string): Promise<void> {
  const pauses: Array<{ at: number; ms: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const stages: Stage[] = [];
  const [wall, cpu] = [performance.now(), cpuMs()];
  const enricher = await timed(stages, 'load enrichment data', () => loadIpEnricher(dataDir));
  const events = await timed(stages, 'read, parse and normalise the file', () => readEventsForAnalysis(file));
  const analysis = await timed(stages, 'analyse (flags, enrichment, findings)', () => analyzeRecords(events, { enricher }));
  const json = await timed(stages, 'write the JSON', () => inertJson(analysis, 'one-line'));
  stages.push({ label: 'in all', from: wall, to: performance.now(), cpu: cpuMs() - cpu });
  // Observed pauses are delivered after the task that saw them.
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  const gcIn = ({ from, to }: Stage) => pauses.filter(({ at }) => at >= from && at < to).reduce((sum, { ms }) => sum + ms, 0);
  const figures: Figure[] = stages.map((stage) => [stage.label, stage.to - stage.from, stage.cpu, gcIn(stage)]);
  process.stdout.write(JSON.stringify({ figures, findings: analysis.findings.length, sources: analysis.sources.length, bytes: json.length, datasets: analysis.datasets.map((d) => d.id) }));
}

export async function benchAnalyze(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'trailcase-bench-analyze-'));
  try {
    const { dataDir, file } = await writeAnalyzeFixture(work);
    const child = spawnSync(process.execPath, [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', fileURLToPath(import.meta.url), '--measure', dataDir, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`analyze benchmark failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout) as { figures: Figure[]; findings: number; sources: number; bytes: number; datasets: string[] };
    console.log(`${''.padEnd(50)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)} ${'GC'.padStart(9)}`);
    for (const [label, wallMs, cpuTime, gcMs] of result.figures) {
      const line = label === 'in all' ? `analyze of ${COUNT.toLocaleString('en-US')} events, in all` : label;
      const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
      console.log(`${line.padEnd(50)} ${ms(wallMs)} ${ms(cpuTime)} ${ms(gcMs)}${label === 'in all' ? '  (target < 2,000 ms)' : ''}`);
    }
    console.log(`  load average at the end: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (wall time grows with other work; CPU time much less; GC: the collector's pauses, part of the wall time)`);
    console.log(`  ${result.findings} findings, ${result.sources} sources, ${(result.bytes / 1e6).toFixed(1)} MB of JSON, data sets: ${result.datasets.join(', ')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--measure') void measure(process.argv[3]!, process.argv[4]!);
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void benchAnalyze();
