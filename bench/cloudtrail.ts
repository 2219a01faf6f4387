/**
 * CloudTrail fetch benchmark, through the CLI as a user runs it: `node out/main/cli.cjs fetch`
 * against the fake CloudTrail (its own process, 2 calls a second per account and region
 * enforced), pointed at it by AWS_ENDPOINT_URL_CLOUDTRAIL with test keys in the environment.
 * For each distribution of the events over a week (uniform, bursty, clustered, nearly empty) and
 * 300 ms and 1,500 ms a call: events a second per region from the command's start to that
 * region's "done" line, the fraction of the ceiling (2 calls × 50 events = 100 a second), the
 * whole command's wall time and the calls the fake refused. BENCH_EVENTS sets the events per
 * region (default 2,000: a short fetch, where the first seconds count most); BENCH_ONLY one
 * distribution, BENCH_LATENCY one latency, BENCH_AWS=0 skips the AWS CLI. The same fetch by `aws cloudtrail lookup-events` is measured on the uniform
 * week when the AWS CLI is installed. Needs a build (`npm run bench` builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { distributions } from '../test/fakes/cloudtrail/fake-events';
import type { Distribution } from '../test/fakes/cloudtrail/fake-events';
import { startFakeCloudTrailProcess } from '../test/fakes/cloudtrail/fake-process';

const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'];
const PER_REGION = Number(process.env.BENCH_EVENTS ?? 2000);
const START = Date.parse('2026-11-01T00:00:00Z');
const END = Date.parse('2026-11-08T00:00:00Z');
const CEILING = 100;
const CLI = join(import.meta.dirname, '../out/main/cli.cjs');

interface Row {
  client: string;
  distribution: Distribution;
  latencyMs: number;
  /** Seconds from the command's start to each region's end. */
  perRegion: number[];
  /** Seconds from each region's first call reaching the fake to that region's end: the engine without the command's start. */
  engine: number[];
  wallSeconds: number;
  throttled: number;
  /** LookupEvents calls a region took, mean of the regions (40 at least for 2,000 events). */
  calls: number;
  /** Seconds from the command's start to the first call reaching the fake. */
  firstCall: number;
  /** The closest two calls apart at the fake, in ms: call n and n + 2 of a region (1,000 at least, or the fake refuses). */
  closestMs: number;
}

function startFake(distribution: Distribution, latencyMs: number) {
  return startFakeCloudTrailProcess({
    latencyMs,
    callsPerSecond: 2,
    sets: REGIONS.map((region, i) => ({
      count: PER_REGION,
      distribution,
      region,
      userName: 'alice',
      start: START,
      end: END,
      seed: 11 + i,
    })),
  });
}

function testEnv(home: string, url: string, keyId: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: keyId,
    AWS_SECRET_ACCESS_KEY: 'fakeBenchSecretKey000000000000000000000',
    AWS_ENDPOINT_URL_CLOUDTRAIL: url,
    AWS_CONFIG_FILE: join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    TRAILCASE_CACHE_DIR: join(home, 'cache'),
    TRAILCASE_DATA_DIR: join(home, 'data'),
  };
}

/** One `trailcase fetch` of the three regions; the region's "done" progress line marks its end. */
async function trailcase(distribution: Distribution, latencyMs: number): Promise<Row> {
  const fake = await startFake(distribution, latencyMs);
  const home = mkdtempSync(join(tmpdir(), 'trailcase-bench-'));
  try {
    const out = join(home, 'events.json');
    const args = [CLI, 'fetch', ...REGIONS.flatMap((r) => ['--region', r]), '--user', 'alice', '--no-follow-sessions'];
    args.push('--start', new Date(START).toISOString(), '--end', new Date(END).toISOString(), '--out', out);
    const started = Date.now();
    const child = spawn(process.execPath, args, {
      env: testEnv(home, fake.url, 'AKIAFAKEBENCH0000001'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const doneAt = new Map<string, number>();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      for (const region of REGIONS)
        if (!doneAt.has(region) && new RegExp(`^${region}: done`, 'm').test(stderr)) doneAt.set(region, Date.now());
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const wallSeconds = (Date.now() - started) / 1000;
    const records = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { Records: Array<{ eventID: string }> }).Records : [];
    const expected = (await fake.events()).length;
    if (code !== 0 || records.length !== expected || new Set(records.map((r) => r.eventID)).size !== expected)
      throw new Error(`trailcase fetch exited ${code} with ${records.length} of ${expected} events:\n${stderr.slice(-500)}`);
    const endOf = (region: string) => doneAt.get(region) ?? started + wallSeconds * 1000;
    const perRegion = REGIONS.map((region) => (endOf(region) - started) / 1000);
    const calls = await fake.lookups();
    const arrivals = REGIONS.map((region) => calls.filter((c) => c.region === region && !c.throttled).map((c) => c.at));
    const engine = REGIONS.map((region, i) => (endOf(region) - Math.min(...arrivals[i]!)) / 1000);
    return {
      client: 'trailcase',
      distribution,
      latencyMs,
      perRegion,
      engine,
      wallSeconds,
      throttled: (await fake.stats()).throttled,
      calls: arrivals.reduce((sum, at) => sum + at.length, 0) / REGIONS.length,
      firstCall: (Math.min(...calls.map((c) => c.at)) - started) / 1000,
      closestMs: Math.min(...arrivals.flatMap((at) => at.slice(2).map((time, i) => time - at[i]!))),
    };
  } finally {
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** The same fetch by the AWS CLI, one process per region, with its own retries against throttling. */
async function awsCli(latencyMs: number): Promise<Row> {
  const fake = await startFake('uniform', latencyMs);
  const home = mkdtempSync(join(tmpdir(), 'trailcase-bench-aws-'));
  try {
    const env = { ...testEnv(home, fake.url, 'AKIAFAKEBENCHCLI0001'), AWS_PAGER: '', AWS_MAX_ATTEMPTS: '20', AWS_RETRY_MODE: 'standard' };
    const started = performance.now();
    const perRegion = await Promise.all(
      REGIONS.map((region) => {
        const args = ['cloudtrail', 'lookup-events', '--endpoint-url', fake.url, '--region', region, '--output', 'json'];
        args.push('--lookup-attributes', 'AttributeKey=Username,AttributeValue=alice');
        args.push('--start-time', new Date(START).toISOString(), '--end-time', new Date(END).toISOString());
        const child = spawn('aws', args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
        return new Promise<number>((resolve, reject) =>
          child.on('close', (code) => {
            const count = code === 0 ? (JSON.parse(out) as { Events: unknown[] }).Events.length : -1;
            if (count !== PER_REGION) return reject(new Error(`aws exited ${code} with ${count} events in ${region}`));
            resolve((performance.now() - started) / 1000);
          }),
        );
      }),
    );
    const wallSeconds = Math.max(...perRegion);
    const throttled = (await fake.stats()).throttled;
    const calls = (await fake.lookups()).filter((c) => !c.throttled);
    const firstCall = (Math.min(...calls.map((c) => c.at)) - performance.timeOrigin - started) / 1000;
    const perCalls = calls.length / REGIONS.length;
    return {
      client: 'aws cli',
      distribution: 'uniform',
      latencyMs,
      perRegion,
      engine: perRegion,
      wallSeconds,
      throttled,
      calls: perCalls,
      firstCall,
      closestMs: Number.NaN,
    };
  } finally {
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  }
}

function report(row: Row): void {
  const eps = row.perRegion.map((seconds) => PER_REGION / seconds);
  const mean = eps.reduce((a, b) => a + b, 0) / eps.length;
  const worst = Math.min(...eps);
  const engine = row.engine.map((seconds) => PER_REGION / seconds).reduce((a, b) => a + b, 0) / row.engine.length;
  const cells = [
    row.client.padEnd(10),
    row.distribution.padEnd(12),
    `${row.latencyMs} ms`.padStart(8),
    `${mean.toFixed(1)}/s`.padStart(9),
    (mean / CEILING).toFixed(2).padStart(8),
    (worst / CEILING).toFixed(2).padStart(7),
    `${row.wallSeconds.toFixed(1)} s`.padStart(8),
    (PER_REGION / row.wallSeconds / CEILING).toFixed(2).padStart(9),
    (engine / CEILING).toFixed(2).padStart(11),
    String(row.throttled).padStart(9),
    row.calls.toFixed(1).padStart(5),
    `${row.firstCall.toFixed(2)} s`.padStart(10),
    Number.isNaN(row.closestMs) ? '        –' : `${row.closestMs} ms`.padStart(9),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

/** Runs the CloudTrail benchmark and prints its figures as a table. */
export async function benchCloudTrail(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('out/main/cli.cjs is missing: build first (npm run build)');
  console.log(
    `CloudTrail fetch through the CLI: ${PER_REGION} events a region in ${REGIONS.length} regions over a week, 2 calls/s enforced, ceiling ${CEILING} events/s per region`,
  );
  console.log(
    '| client     | distribution |  latency | events/s | fraction | worst | wall     | wall frac | from call 1 | throttled | calls | first call | closest |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const only = process.env.BENCH_ONLY as Distribution | undefined;
  const hasAws = process.env.BENCH_AWS !== '0' && spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;
  const latencies = process.env.BENCH_LATENCY ? [Number(process.env.BENCH_LATENCY)] : [300, 1500];
  for (const latencyMs of latencies) {
    for (const distribution of distributions) if (!only || only === distribution) report(await trailcase(distribution, latencyMs));
    if (hasAws && (!only || only === 'uniform')) report(await awsCli(latencyMs));
  }
  console.log(
    "events/s and fraction: mean of the regions, from the command's start to the region's \"done\" line; worst: the slowest region; wall: the whole command; from call 1: from the region's first call at the fake to its end (the engine without the command's start); calls: a region's LookupEvents calls; first call: from the command's start to the first call at the fake; closest: the least time between a region's call and the one two after it, at the fake.",
  );
  if (!hasAws) console.log('aws cli: not run (not installed, or BENCH_AWS=0)');
}

// `npx tsx bench/cloudtrail.ts` runs this benchmark alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  benchCloudTrail().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
