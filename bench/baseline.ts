/**
 * Baseline benchmark: one identity's 90 days / 200,000 events (BENCH_BASELINE_EVENTS changes the
 * count) counted into the per-identity baseline (enrichment with the bundled country and ASN
 * data, first and last seen, calls, days, labels, AWS services' calls apart), then a range of
 * 2,000 events analysed against it (new, routine, groups, concurrent activity). Events are
 * normalised before timing: reading a file is the analyze benchmark's part. Target: under 1 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { createIntelLookup, prepareEvents } from '../shared/analysis/analysis-event';
import { analyzeRecords } from '../shared/analysis/analyze';
import { buildIdentityBaseline } from '../shared/baseline/identity-baseline';
import { normalizeEvent } from '../shared/records/normalize';
import type { CloudTrailRecord, NormalizedEvent } from '../shared/records/types';
import { loadIpEnricher } from '../main/services/intel/load-enricher';

const COUNT = Number(process.env.BENCH_BASELINE_EVENTS ?? 200_000);
const RANGE = 2_000;
const DAY = 86_400_000;
const START = Date.parse('2026-09-01T00:00:00Z');

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const addresses = ['81.2.69.160', '81.2.69.161', '89.160.20.112', '2.125.160.216', '175.16.199.5', '216.160.83.56', 'lambda.amazonaws.com', 'AWS Internal'];
const agents = [
  'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/lambda.update-function-configuration',
  'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0 lang/python#3.12.3',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 aws-sdk-go-v2/1.32.2 ua/2.0',
];
const calls: Array<[string, string, Record<string, unknown> | null]> = [
  ['lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', { functionName: 'billing-sync', role: 'arn:aws:iam::210987654321:role/billing' }],
  ['s3.amazonaws.com', 'GetObject', { bucketName: 'reports' }],
  ['ec2.amazonaws.com', 'DescribeInstances', null],
  ['iam.amazonaws.com', 'ListUsers', null],
  ['sts.amazonaws.com', 'GetCallerIdentity', null],
  ['secretsmanager.amazonaws.com', 'GetSecretValue', { secretId: 'prod/db' }],
  ['kms.amazonaws.com', 'Decrypt', null],
];

function eventsOf(count: number, from: number, span: number): NormalizedEvent[] {
  const out: NormalizedEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const [eventSource, eventName, requestParameters] = calls[Math.floor(random() ** 2 * calls.length)]!;
    const source = random() < 0.7 ? addresses[0]! : pick(addresses);
    const record: CloudTrailRecord = {
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', principalId: 'AIDADANA', arn: 'arn:aws:iam::210987654321:user/dana', accountId: '210987654321', userName: 'dana', ...(source.endsWith('.com') ? { invokedBy: source } : {}) },
      eventTime: new Date(from + Math.floor(random() * span)).toISOString(),
      eventSource,
      eventName,
      awsRegion: pick(['us-east-1', 'eu-west-1']),
      sourceIPAddress: source,
      userAgent: random() < 0.8 ? agents[0]! : pick(agents),
      requestParameters,
      responseElements: null,
      eventID: `b-${from}-${i}`,
      readOnly: eventName.startsWith('Get') || eventName.startsWith('List') || eventName.startsWith('Describe'),
      eventType: 'AwsApiCall',
      recipientAccountId: '210987654321',
    };
    out[i] = normalizeEvent(record);
  }
  return out;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export async function benchBaseline(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'trailcase-bench-baseline-'));
  try {
    const enricher = await loadIpEnricher(join(work, 'data'));
    const baseline = eventsOf(COUNT, START, 90 * DAY);
    const range = eventsOf(RANGE, START + 90 * DAY, 7 * DAY);
    // The data sets load on first use: load them before timing.
    enricher.lookup('81.2.69.160', START);
    const figures: Array<[string, number, number]> = [];
    let [wall, cpu] = [performance.now(), cpuMs()];
    const built = buildIdentityBaseline(prepareEvents(baseline, () => [], createIntelLookup(enricher)));
    const stats = built.stats();
    figures.push([`baseline of ${COUNT.toLocaleString('en-US')} events over ${stats.days} days`, performance.now() - wall, cpuMs() - cpu]);
    [wall, cpu] = [performance.now(), cpuMs()];
    const analysis = analyzeRecords(range, { enricher, baseline });
    figures.push([`analyze ${RANGE.toLocaleString('en-US')} events against it (rules, new, routine, groups)`, performance.now() - wall, cpuMs() - cpu]);
    console.log(`${''.padEnd(70)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)}`);
    for (const [label, wallMs, cpuTime] of figures) console.log(`${label.padEnd(70)} ${wallMs.toFixed(0).padStart(6)} ms ${cpuTime.toFixed(0).padStart(6)} ms`);
    const identity = stats.identities[0]!;
    console.log(`  target: the baseline under 1,000 ms · ${identity.own.events.toLocaleString('en-US')} own events, ${identity.onBehalf.events.toLocaleString('en-US')} by AWS services on its behalf`);
    console.log(`  ${analysis.counts.flagged} flagged, ${analysis.counts.routine} routine, ${analysis.groups.length} groups, ${analysis.findings.length} findings`);
    console.log(`  load average at the end: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
