/**
 * Log-file benchmark: 200 gzip CloudTrail files / 200,000 records (BENCH_LOG_FILES,
 * BENCH_LOG_RECORDS), generated in the S3 key layout in a temp folder, one user's records (1 %).
 * Timed as whole processes: `node out/main/cli.cjs fetch --source DIR --user X` against
 * `zcat | jq` (target: at least 4× faster) and against a DuckDB query written by hand over the
 * same files in its own Node process (target: no slower, though it returns DuckDB's rewritten
 * JSON, not the exact records). Peak memory of the CLI from /usr/bin/time when present.
 * Needs a build (`npm run bench` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FILES = Number(process.env.BENCH_LOG_FILES ?? 200);
const RECORDS = Number(process.env.BENCH_LOG_RECORDS ?? 200_000);
const CLI = join(import.meta.dirname, '../out/main/cli.cjs');
const TARGET = 'bench-target';
const DAY = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00Z');

function record(file: number, index: number): string {
  const user = index % 100 === 7 ? TARGET : `user-${index % 97}`;
  const time = new Date(START + file * (DAY / 10) + index * 37).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const id = `${file.toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
  return `{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDA${index % 97}","arn":"arn:aws:iam::111122223333:user/${user}","accountId":"111122223333","accessKeyId":"AKIA${String(index % 97).padStart(16, '0')}","userName":"${user}"},"eventTime":"${time}","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.${index % 250}","userAgent":"aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22","requestParameters":{"instancesSet":{},"filterSet":{"items":[{"name":"instance-state-name","valueSet":{"items":[{"value":"running"}]}}]}},"responseElements":null,"requestID":"${id}","eventID":"${id}","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"ec2.us-east-1.amazonaws.com"}}`;
}

export function writeCorpus(root: string): number {
  const perFile = Math.ceil(RECORDS / FILES);
  let bytes = 0;
  for (let file = 0; file < FILES; file++) {
    const day = new Date(START + file * (DAY / 10));
    const folder = join(root, 'AWSLogs/111122223333/CloudTrail/us-east-1', day.toISOString().slice(0, 10).replace(/-/g, '/'));
    mkdirSync(folder, { recursive: true });
    const texts = Array.from({ length: perFile }, (_, index) => record(file, index));
    const packed = gzipSync(`{"Records":[${texts.join(',')}]}`);
    bytes += packed.length;
    writeFileSync(join(folder, `111122223333_CloudTrail_us-east-1_${file}.json.gz`), packed);
  }
  return bytes;
}

function timed(command: string, args: string[]): { seconds: number; stdout: string; stderr: string } {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-500)}`);
  return { seconds, stdout: run.stdout, stderr: run.stderr };
}

const handQuery = (root: string, out: string) => `
const { DuckDBInstance } = require(${JSON.stringify(join(import.meta.dirname, '../node_modules/@duckdb/node-api'))});
(async () => {
  const connection = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
  const reader = await connection.runAndReadAll(\`SELECT rec::VARCHAR AS rec FROM (SELECT unnest(Records) AS rec FROM read_json('${root}/**/*.json.gz', columns = {Records: 'JSON[]'}, maximum_object_size = 104857600)) WHERE json_extract_string(rec, '$.userIdentity.userName') = '${TARGET}' ORDER BY json_extract_string(rec, '$.eventTime')\`);
  require('node:fs').writeFileSync(${JSON.stringify(out)}, '{"Records":[' + reader.getRowObjectsJS().map((row) => row.rec).join(',') + ']}');
})();`;

export async function benchLogFiles(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('out/main/cli.cjs is missing: run `npm run build` first.');
  const root = mkdtempSync(join(tmpdir(), 'trailcase-bench-logs-'));
  try {
    const bytes = writeCorpus(root);
    console.log(`corpus: ${FILES} gzip files, ${RECORDS} records, ${(bytes / 1_048_576).toFixed(1)} MB of gzip`);
    const out = join(root, 'trailcase.json');
    const cliArgs = [CLI, 'fetch', '--source', root, '--user', TARGET, '--out', out];
    const withTime = existsSync('/usr/bin/time');
    const trailcase = withTime
      ? timed('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, ...cliArgs])
      : timed(process.execPath, cliArgs);
    const found = (JSON.parse(readFileSync(out, 'utf8')) as { Records: unknown[] }).Records.length;
    const rss = /maxrss=(\d+)/.exec(trailcase.stderr)?.[1];
    console.log(
      `trailcase fetch --source: ${trailcase.seconds.toFixed(2)} s, ${found} records${rss ? `, peak RSS ${(Number(rss) / 1024).toFixed(0)} MB` : ''}`,
    );
    const handOut = join(root, 'duckdb.json');
    const hand = timed(process.execPath, ['-e', handQuery(root, handOut)]);
    const handFound = (JSON.parse(readFileSync(handOut, 'utf8')) as { Records: unknown[] }).Records.length;
    console.log(
      `hand-written DuckDB query (rewritten JSON): ${hand.seconds.toFixed(2)} s, ${handFound} records; trailcase ${(hand.seconds / trailcase.seconds).toFixed(2)}× its speed`,
    );
    const hasJq = spawnSync('sh', ['-c', 'command -v jq && command -v zcat']).status === 0;
    if (!hasJq) return console.log('zcat | jq: jq or zcat is not installed, not measured');
    const filter = `.Records[] | select(.userIdentity.userName == "${TARGET}")`;
    const jq = timed('sh', ['-c', `find '${root}' -name '*.json.gz' -print0 | xargs -0 zcat | jq -c '${filter}' | wc -l`]);
    console.log(
      `zcat | jq: ${jq.seconds.toFixed(2)} s, ${jq.stdout.trim()} records; trailcase ${(jq.seconds / trailcase.seconds).toFixed(2)}× faster (target 4×)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
