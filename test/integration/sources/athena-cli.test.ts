import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena, FakeAthenaOptions } from '../../fakes/athena/fake-athena';
import { athenaRecords, athenaTableDdl, athenaTrail, trailObjectKeys } from '../../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { spawnCli } from '../cli/spawn-cli';

/** `trailcase fetch --source athena:…`: the CLI from source against the fake Athena and the fake S3. */
let athena: FakeAthena;
let s3: FakeS3;
const source = ['fetch', '--source', 'athena:default.cloudtrail_logs'];
const march = ['--start', '2026-03-01T00:00:00Z', '--end', '2026-03-03T00:00:00Z'];
const trail = 's3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/';

async function start(options: FakeAthenaOptions = {}): Promise<void> {
  const objects = Object.fromEntries(
    Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/111122223333_CloudTrail_us-east-1_a.json.gz`, gzipSync(`{"Records":[${texts.join(',')}]}`)]),
  );
  s3 = await startFakeS3({ buckets: { 'trail-bucket': objects, 'athena-results': {} } });
  athena = await startFakeAthena({
    trails: athenaTrail(),
    tables: [athenaTableDdl()],
    workgroups: { primary: {} },
    onResultObjects: (bucket, written) => written.forEach((object) => s3.put(bucket, object.key, object.body)),
    ...options,
  });
}

const env = () => ({
  AWS_ACCESS_KEY_ID: 'AKIAFAKECLI000000001',
  AWS_SECRET_ACCESS_KEY: 'fakeSecret',
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_ATHENA: athena.url,
  AWS_ENDPOINT_URL_S3: s3.url,
});
const output = ['--athena-output', 's3://athena-results/trailcase/'];
const calls = (action: string) => athena.calls.filter((call) => call.action === action);

/** The CLI from source, sent SIGINT once its stderr shows `when`. */
function interrupted(args: string[], when: string, more: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = pathToFileURL(resolve(__dirname, '../../../node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, resolve(__dirname, '../../../main/cli/main.ts'), ...args], {
    env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env(), ...more },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let [stdout, stderr] = ['', ''];
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    if (stderr.includes(when) && !child.killed) child.kill('SIGINT');
  });
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

beforeEach(async () => start());
afterEach(async () => {
  // Every query the fake saw, in every test, was bounded on the timestamp partition.
  const unbounded = athena.unboundedQueries();
  await athena.close();
  await s3.close();
  expect(unbounded).toEqual([]);
});

describe('fetch --source athena:DATABASE.TABLE', () => {
  it("writes a user's records, after the estimate, from a query bounded on the partition", async () => {
    const result = await spawnCli([...source, '--user', 'alice', ...march, ...output], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { Records: unknown[] }).Records).toEqual([athenaRecords.alice, athenaRecords.aliceByService, athenaRecords.aliceOld, athenaRecords.aliceSession]);
    expect(result.stderr).toMatch(/Estimated scan: 0\.0 MB \(billed 10\.0 MB\): \$0\.000048 \(2 object\(s\) in 4 daily partition\(s\)\)\n[\s\S]*Athena query \S+ started/);
    expect(athena.unboundedQueries()).toEqual([]);
    expect(result.stderr).toMatch(/4 event\(s\) from Athena query \S+, [\d.]+ MB \(billed 10\.0 MB\): \$0\.000048 scanned\n/);
  });

  it('refuses a query estimated above --athena-max-cost, saying the estimate, and runs it with --yes', async () => {
    const refused = await spawnCli([...source, '--ip', '203.0.113.7', ...march, ...output, '--athena-max-cost', '0'], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The query would scan 0.0 MB (billed 10.0 MB): $0.000048, above --athena-max-cost $0.00: run again with --yes');
    expect(calls('StartQueryExecution')).toEqual([]);
    const accepted = await spawnCli([...source, '--ip', '203.0.113.7', ...march, ...output, '--athena-max-cost', '0', '--yes'], { env: env() });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect((JSON.parse(accepted.stdout) as { Records: unknown[] }).Records).toEqual([athenaRecords.aliceSession, athenaRecords.bobSameAddress, athenaRecords.webIdentity]);
  });

  it('prints the DDL of the table and creates it only with --yes', async () => {
    await athena.close();
    await s3.close();
    await start({ tables: [] });
    const shown = await spawnCli([...source, '--athena-create-table', trail, ...output], { env: env() });
    expect(shown.code).toBe(2);
    expect(shown.stdout).toMatch(/^CREATE EXTERNAL TABLE `default`\.`cloudtrail_logs`\(\n {4}eventversion STRING,[\s\S]*'projection\.timestamp\.format'='yyyy\/MM\/dd'[\s\S]*\);\n$/);
    expect(shown.stderr).toContain('run again with --yes');
    expect(athena.calls).toEqual([]);
    const created = await spawnCli([...source, '--athena-create-table', trail, ...output, '--yes'], { env: env() });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain('Created default.cloudtrail_logs');
    expect(calls('StartQueryExecution').map((call) => call.body.QueryString)).toEqual([shown.stdout.replace(/;\n$/, '')]);
    expect(athena.tables.has('default.cloudtrail_logs')).toBe(true);
  });

  it('removes the result objects with --athena-cleanup, and reads an earlier query again with --athena-query-id', async () => {
    const first = await spawnCli([...source, '--user', 'root', ...march, ...output], { env: env() });
    const queryId = /Athena query (\S+) started/.exec(first.stderr)![1]!;
    expect(s3.keys('athena-results')).toEqual([`trailcase/${queryId}.csv`, `trailcase/${queryId}.csv.metadata`]);
    const again = await spawnCli([...source, '--user', 'root', '--athena-query-id', queryId, '--athena-cleanup'], { env: env() });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(calls('StartQueryExecution')).toHaveLength(1);
    expect(s3.keys('athena-results')).toEqual([]);
    expect(again.stderr).toContain(`Removed s3://athena-results/trailcase/${queryId}.csv.metadata`);
  });

  it('goes to AWS_ENDPOINT_URL_ATHENA only over https, plain http only on loopback', async () => {
    const result = await spawnCli([...source, '--user', 'alice', ...march, ...output], { env: { ...env(), AWS_ENDPOINT_URL_ATHENA: 'http://athena.example.com' } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('AWS_ENDPOINT_URL_ATHENA must be an https URL');
    expect(athena.calls).toEqual([]);
  });

  it('says why a query failed, quoted, and exits 1', async () => {
    athena.settings.failWith = 'HIVE_CURSOR_ERROR: Row is not a valid JSON Object - JSONException: A JSONObject text must end with }';
    const result = await spawnCli([...source, '--user', 'alice', ...march, ...output], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/trailcase: Athena query \S+ failed: "HIVE_CURSOR_ERROR: Row is not a valid JSON Object - JSONException: A JSONObject text must end with }"\n/);
  });

  it('Ctrl+C while the query runs stops it (StopQueryExecution), sends nothing after, and exits 4', async () => {
    athena.settings.runningMs = 60_000;
    const result = await interrupted([...source, '--user', 'alice', ...march, ...output], 'Query RUNNING');
    expect(result.code, result.stderr).toBe(4);
    expect(athena.calls.at(-1)?.action).toBe('StopQueryExecution');
    expect(calls('StopQueryExecution')).toHaveLength(1);
    expect(result.stderr).toMatch(/0 event\(s\) from Athena query \S+: cancelled/);
    expect(result.stdout).toBe('{"Records":[]}\n');
  }, 60_000);

  it('Ctrl+C while a credential_process hangs stops at once with exit 4, before any Athena call', async () => {
    const home = mkdtempSync(join(tmpdir(), 'trailcase-athena-hang-'));
    writeFileSync(join(home, 'config'), '[profile hang]\nregion = us-east-1\ncredential_process = sleep 30\n');
    const started = Date.now();
    const result = await interrupted([...source, '--profile', 'hang', '--user', 'alice', ...march, ...output], 'Getting credentials', {
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    });
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toContain('cancelled before it started');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(athena.calls).toEqual([]);
  }, 60_000);

  it('Ctrl+C while the results are paged writes the rows already read and exits 4', async () => {
    await athena.close();
    await s3.close();
    const many = Array.from({ length: 2500 }, (_, index) => ({ ...athenaRecords.alice, eventID: `66666666-ffff-4000-8000-${String(index).padStart(12, '0')}` }));
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await start({ trails: { [trail]: many }, onRequest: (call) => (call.action === 'GetQueryResults' && 'NextToken' in call.body ? held : undefined) });
    const result = await interrupted([...source, '--user', 'alice', ...march, ...output], 'Rows 999');
    release();
    expect(result.code, result.stderr).toBe(4);
    expect((JSON.parse(result.stdout) as { Records: unknown[] }).Records).toHaveLength(999);
    expect(result.stderr).toMatch(/999 event\(s\) from Athena query \S+, .* scanned: cancelled/);
    expect(calls('GetQueryResults')).toHaveLength(2);
  }, 60_000);
});
