/**
 * CloudTrail fetch benchmark: events a second per region, and the ratio to the 100 events a
 * second ceiling (2 calls a second × 50 events), for 5,000 events per region in 3 regions, at
 * 300 ms and 1,500 ms per call, against the fake with the 2 calls a second limit enforced. The
 * same fetch by `aws cloudtrail lookup-events` (one process per region) is measured when the AWS
 * CLI is installed. BENCH_EVENTS changes the events per region (for a quick run).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createFetchService } from '../main/services/fetch/fetch-service';

const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'];
const PER_REGION = Number(process.env.BENCH_EVENTS ?? 5000);
const START = Date.parse('2026-11-01T00:00:00Z');
const END = Date.parse('2026-11-15T00:00:00Z');
const CEILING = 100;

interface Row {
  client: string;
  latencyMs: number;
  perRegion: number[];
  throttled: number;
}

function report(row: Row): void {
  const eps = row.perRegion.map((seconds) => PER_REGION / seconds);
  const mean = eps.reduce((a, b) => a + b, 0) / eps.length;
  const cells = eps.map((value, i) => `${REGIONS[i]} ${value.toFixed(1)}/s`).join(', ');
  console.log(
    `${row.client.padEnd(10)} ${String(row.latencyMs).padStart(5)} ms/call: ${mean.toFixed(1)} events/s per region (${(mean / CEILING).toFixed(2)} of ceiling) [${cells}], throttled calls: ${row.throttled}`,
  );
}

/** Runs the fake in a child process with the limit enforced, and the measured client against it. */
async function withFake<T>(latencyMs: number, run: (url: string, home: string) => Promise<T>): Promise<{ result: T; throttled: number }> {
  const config = JSON.stringify({ latencyMs, perRegion: PER_REGION, regions: REGIONS, start: START, end: END });
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../test/fakes/cloudtrail/serve-fake.ts'), config], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim());
    });
    child.on('exit', () => reject(new Error('the fake CloudTrail did not start')));
  });
  const home = mkdtempSync(join(tmpdir(), 'trailcase-bench-'));
  try {
    const result = await run(url, home);
    const stats = (await (await fetch(`${url}/__stats`)).json()) as { throttled: number };
    return { result, throttled: stats.throttled };
  } finally {
    child.stdin.end();
    rmSync(home, { recursive: true, force: true });
  }
}

async function trailcase(latencyMs: number): Promise<Row> {
  const { result, throttled } = await withFake(latencyMs, async (url, home) => {
    const env = {
      HOME: home,
      AWS_ACCESS_KEY_ID: 'AKIAFAKEBENCH0000001',
      AWS_SECRET_ACCESS_KEY: 'fake',
      AWS_ENDPOINT_URL_CLOUDTRAIL: url,
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    };
    const started = Date.now();
    const doneAt = new Map<string, number>();
    const service = createFetchService({
      env,
      cacheDir: join(home, 'cache'),
      askMfaCode: () => Promise.reject(new Error('no MFA')),
      emit: (message) => {
        if (message.type !== 'fetch.progress') return;
        for (const region of message.regions)
          if (region.state === 'done' && !doneAt.has(region.region)) doneAt.set(region.region, Date.now());
      },
    });
    const fetchId = await service.manager.start({
      profile: 'environment',
      regions: REGIONS,
      identity: { kind: 'user', userName: 'alice' },
      start: new Date(START).toISOString(),
      end: new Date(END).toISOString(),
      followSessions: false,
    });
    const status = await service.manager.settled(fetchId);
    if (status.state !== 'done' || status.eventCount !== PER_REGION * REGIONS.length)
      throw new Error(`bench fetch ended ${status.state} with ${status.eventCount} events`);
    return REGIONS.map((region) => ((doneAt.get(region) ?? Date.now()) - started) / 1000);
  });
  return { client: 'trailcase', latencyMs, perRegion: result, throttled };
}

function awsCliRegion(url: string, home: string, region: string): Promise<number> {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIAFAKEBENCHCLI0001',
    AWS_SECRET_ACCESS_KEY: 'fake',
    AWS_CONFIG_FILE: join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '20',
    AWS_RETRY_MODE: 'standard',
  };
  const args = [
    'cloudtrail',
    'lookup-events',
    '--endpoint-url',
    url,
    '--region',
    region,
    '--output',
    'json',
    '--lookup-attributes',
    'AttributeKey=Username,AttributeValue=alice',
    '--start-time',
    new Date(START).toISOString(),
    '--end-time',
    new Date(END).toISOString(),
  ];
  const started = Date.now();
  const child = spawn('aws', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
  child.stderr.resume();
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`aws exited ${code}`));
      const count = (JSON.parse(out) as { Events: unknown[] }).Events.length;
      if (count !== PER_REGION) return reject(new Error(`aws returned ${count} events in ${region}`));
      resolve((Date.now() - started) / 1000);
    });
  });
}

async function awsCli(latencyMs: number): Promise<Row> {
  const { result, throttled } = await withFake(latencyMs, (url, home) =>
    Promise.all(REGIONS.map((region) => awsCliRegion(url, home, region))),
  );
  return { client: 'aws cli', latencyMs, perRegion: result, throttled };
}

/** Runs the CloudTrail benchmark and prints its figures. */
export async function benchCloudTrail(): Promise<void> {
  console.log(
    `CloudTrail fetch: ${PER_REGION} events per region in ${REGIONS.length} regions, 2 calls/s enforced, ceiling ${CEILING} events/s per region`,
  );
  const hasAws = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;
  for (const latencyMs of [300, 1500]) {
    report(await trailcase(latencyMs));
    if (hasAws) report(await awsCli(latencyMs));
  }
  if (!hasAws) console.log('aws cli: not installed, comparison skipped');
}
