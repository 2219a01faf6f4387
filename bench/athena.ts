/**
 * Athena benchmark: the round-trip overhead of `node out/main/cli.cjs fetch --source athena:…`
 * against the fake Athena and the fake S3 (both in this process, on loopback): the CLI's wall
 * time minus the fake's own query time (submission to the end of DuckDB's run). The corpus is
 * 30 days × 2,000 records (BENCH_ATHENA_DAYS, BENCH_ATHENA_PER_DAY), one user's 2,400 records
 * (3 result pages). Run twice: a query that is done at once, and one that runs 2 s
 * (BENCH_ATHENA_RUNNING_MS), where the polling back-off decides how soon the CLI sees it end.
 * The overhead includes Node's start and the CLI's loading (measured alone as `--version`).
 * Needs a build (`npm run bench` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { cloudtrailTableDdl } from '../main/services/sources/athena/cloudtrail-table';
import { startFakeAthena } from '../test/fakes/athena/fake-athena';
import { athenaRecords } from '../test/fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../test/fakes/s3/fake-s3';

const CLI = join(import.meta.dirname, '../out/main/cli.cjs');
const DAYS = Number(process.env.BENCH_ATHENA_DAYS ?? 30);
const PER_DAY = Number(process.env.BENCH_ATHENA_PER_DAY ?? 2000);
const RUNNING_MS = Number(process.env.BENCH_ATHENA_RUNNING_MS ?? 2000);
const LOCATION = 's3://bench-trail/AWSLogs/111122223333/CloudTrail/us-east-1/';
const START = Date.parse('2026-10-01T00:00:00Z');

function corpus(): { records: Record<string, unknown>[]; objects: Record<string, Buffer> } {
  const records: Record<string, unknown>[] = [];
  const objects: Record<string, Buffer> = {};
  for (let day = 0; day < DAYS; day += 1) {
    const texts: string[] = [];
    for (let index = 0; index < PER_DAY; index += 1) {
      const user = index % 25 === 3 ? 'bench-target' : `user-${index % 97}`;
      const record = {
        ...athenaRecords.alice,
        userIdentity: { ...athenaRecords.alice.userIdentity, userName: user, arn: `arn:aws:iam::111122223333:user/${user}` },
        eventTime: new Date(START + day * 86_400_000 + index * 40_000).toISOString().replace('.000', ''),
        eventID: `${String(day).padStart(8, '0')}-0000-4000-8000-${String(index).padStart(12, '0')}`,
      };
      records.push(record);
      texts.push(JSON.stringify(record));
    }
    const folder = new Date(START + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/');
    objects[`AWSLogs/111122223333/CloudTrail/us-east-1/${folder}/111122223333_CloudTrail_us-east-1_${day}.json.gz`] = gzipSync(`{"Records":[${texts.join(',')}]}`);
  }
  return { records, objects };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((done, fail) =>
    child.on('close', (code) => (code === 0 ? done({ ms: performance.now() - started, stdout, stderr }) : fail(new Error(`exit ${code}: ${stderr.slice(-400)}`)))),
  );
}

export async function benchAthena(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('out/main/cli.cjs is missing: run `npm run build` first.');
  const { records, objects } = corpus();
  const s3 = await startFakeS3({ buckets: { 'bench-trail': objects, 'bench-results': {} } });
  const athena = await startFakeAthena({
    trails: { [LOCATION]: records },
    tables: [cloudtrailTableDdl({ database: 'default', table: 'cloudtrail_logs', location: LOCATION })],
    workgroups: { primary: { outputLocation: 's3://bench-results/' } },
  });
  const env = { AWS_ACCESS_KEY_ID: 'AKIABENCH00000000001', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_ATHENA: athena.url, AWS_ENDPOINT_URL_S3: s3.url };
  const args = ['fetch', '--source', 'athena:default.cloudtrail_logs', '--user', 'bench-target', '--start', '2026-10-01T00:00:00Z', '--end', '2026-10-30T23:59:59Z'];
  try {
    console.log(`corpus: ${DAYS} daily partitions, ${records.length} records, the user's ${records.length / 25} of them`);
    const start = await run(['--version'], env);
    console.log(`node + CLI start alone (--version): ${start.ms.toFixed(0)} ms`);
    for (const runningMs of [0, RUNNING_MS]) {
      athena.settings.runningMs = runningMs;
      const before = new Set(athena.executions.keys());
      const calls = athena.calls.length;
      const result = await run(args, env);
      const execution = [...athena.executions.values()].find((candidate) => !before.has(candidate.id))!;
      const queryMs = Math.max(execution.done!.finishedAt, execution.submittedAt + runningMs) - execution.submittedAt;
      const found = (JSON.parse(result.stdout) as { Records: unknown[] }).Records.length;
      console.log(
        `query running ${runningMs} ms: wall ${result.ms.toFixed(0)} ms, fake query ${queryMs} ms (DuckDB ${execution.done!.engineMs} ms), overhead ${(result.ms - queryMs).toFixed(0)} ms (${(result.ms - queryMs - start.ms).toFixed(0)} ms beyond the start alone); ${found} records, ${athena.calls.length - calls} Athena calls`,
      );
    }
  } finally {
    await athena.close();
    await s3.close();
  }
}
