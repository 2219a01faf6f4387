/**
 * Log-file benchmark, one run, ratios. The corpus: 200 gzip CloudTrail files / 200,000 records
 * (BENCH_LOG_FILES, BENCH_LOG_RECORDS) in the S3 key layout, one user's records (1 %). Timed as
 * whole processes, each ROUNDS times in turn (the median kept, since the machine may be shared):
 * `node out/main/cli.cjs fetch --source DIR --user X` against `zcat | jq` (target: at least 4×
 * faster) and against a DuckDB query written by hand over the same files in its own Node process
 * (target: no slower, though it returns DuckDB's rewritten JSON, not the exact records). Then the
 * memory case: 256 MB then 1 GB of gzip (BENCH_LOG_LARGE_BYTES, 0 skips it), the CLI's peak RSS
 * at each (target: flat, under 500 MB). Needs a build (`npm run bench` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TARGET, growLargeCorpus, writeCorpus, writeLargeCorpus } from './log-files-corpus';
import type { LargeCorpus } from './log-files-corpus';

const FILES = Number(process.env.BENCH_LOG_FILES ?? 200);
const RECORDS = Number(process.env.BENCH_LOG_RECORDS ?? 200_000);
const LARGE_BYTES = Number(process.env.BENCH_LOG_LARGE_BYTES ?? 1 << 30);
const ROUNDS = 3;
const CLI = join(import.meta.dirname, '../out/main/cli.cjs');
const MB = 1_048_576;

interface Run {
  seconds: number;
  stdout: string;
  /** Peak resident set of the process, in MB (from /usr/bin/time), when measured. */
  peakMb?: number;
  /** CPU seconds (user + system) of the process and its children, less sensitive to a shared machine. */
  cpu?: number;
}

const withTime = existsSync('/usr/bin/time');

function timed(command: string, args: string[]): Run {
  const [program, argv] = withTime ? ['/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', command, ...args]] : [command, args];
  const started = performance.now();
  const run = spawnSync(program, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-500)}`);
  const rss = /maxrss=(\d+)/.exec(run.stderr)?.[1];
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  return { seconds, stdout: run.stdout, ...(rss ? { peakMb: Number(rss) / 1024 } : {}), ...(cpu ? { cpu: Number(cpu[1]) + Number(cpu[2]) } : {}) };
}

const median = (runs: Run[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
const recordCount = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { Records: unknown[] }).Records.length;
const cpuOf = (run: Run) => (run.cpu === undefined ? '' : ` (CPU ${run.cpu.toFixed(2)} s)`);
const peak = (runs: Run[]) => (runs[0]?.peakMb === undefined ? '' : `, peak RSS ${Math.max(...runs.map((run) => run.peakMb!)).toFixed(0)} MB`);

const handQuery = (root: string, out: string) => `
const { DuckDBInstance } = require(${JSON.stringify(join(import.meta.dirname, '../node_modules/@duckdb/node-api'))});
(async () => {
  const connection = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
  const reader = await connection.runAndReadAll(\`SELECT rec::VARCHAR AS rec FROM (SELECT unnest(Records) AS rec FROM read_json('${root}/**/*.json.gz', columns = {Records: 'JSON[]'}, maximum_object_size = 104857600)) WHERE json_extract_string(rec, '$.userIdentity.userName') = '${TARGET}' ORDER BY json_extract_string(rec, '$.eventTime')\`);
  require('node:fs').writeFileSync(${JSON.stringify(out)}, '{"Records":[' + reader.getRowObjectsJS().map((row) => row.rec).join(',') + ']}');
})();`;

const trailcaseRun = (root: string, out: string) => timed(process.execPath, [CLI, 'fetch', '--source', root, '--user', TARGET, '--out', out]);

/** The timed corpus: trailcase, the hand query and zcat | jq, in turn, ROUNDS times. */
function benchSpeed(root: string): void {
  const bytes = writeCorpus(root, FILES, RECORDS);
  console.log(`corpus: ${FILES} gzip files, ${RECORDS} records, ${(bytes / MB).toFixed(1)} MB of gzip`);
  const hasJq = spawnSync('sh', ['-c', 'command -v jq && command -v zcat']).status === 0;
  const filter = `.Records[] | select(.userIdentity.userName == "${TARGET}")`;
  const [out, handOut] = [join(root, 'trailcase.json'), join(root, 'duckdb.json')];
  const runs = { trailcase: [] as Run[], hand: [] as Run[], jq: [] as Run[] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.trailcase.push(trailcaseRun(root, out));
    runs.hand.push(timed(process.execPath, ['-e', handQuery(root, handOut)]));
    if (hasJq) runs.jq.push(timed('sh', ['-c', `find '${root}' -name '*.json.gz' -print0 | xargs -0 zcat | jq -c '${filter}' | wc -l`]));
  }
  const [trailcase, hand] = [median(runs.trailcase), median(runs.hand)];
  console.log(`trailcase fetch --source (exact records): ${trailcase.seconds.toFixed(2)} s${cpuOf(trailcase)}, ${recordCount(out)} records${peak(runs.trailcase)}`);
  console.log(
    `hand-written DuckDB query (rewritten JSON): ${hand.seconds.toFixed(2)} s${cpuOf(hand)}, ${recordCount(handOut)} records; trailcase ${(hand.seconds / trailcase.seconds).toFixed(2)}× its speed (target ≥ 1)`,
  );
  if (!hasJq) console.log('zcat | jq: jq or zcat is not installed, not measured');
  else {
    const jq = median(runs.jq);
    console.log(`zcat | jq: ${jq.seconds.toFixed(2)} s${cpuOf(jq)}, ${jq.stdout.trim()} records; trailcase ${(jq.seconds / trailcase.seconds).toFixed(2)}× faster (target 4×)`);
    if (jq.cpu !== undefined && trailcase.cpu !== undefined && hand.cpu !== undefined)
      console.log(`in CPU seconds: trailcase ${(jq.cpu / trailcase.cpu).toFixed(2)}× less than zcat | jq, ${(hand.cpu / trailcase.cpu).toFixed(2)}× less than the hand query`);
  }
  console.log(`(medians of ${ROUNDS} rounds; each round runs the three in turn)`);
}

/** The CLI over the large corpus as it is now: time, records kept, peak RSS. */
function largeRun(corpus: LargeCorpus): Run {
  const out = join(corpus.root, '..', `${corpus.root.split('/').pop()}-out.json`);
  const run = trailcaseRun(corpus.root, out);
  const rss = run.peakMb === undefined ? '' : `, peak RSS ${run.peakMb.toFixed(0)} MB`;
  console.log(`  ${(corpus.bytes / MB).toFixed(0)} MB of gzip (${corpus.files} files, ${corpus.records} records): ${run.seconds.toFixed(1)} s, ${recordCount(out)} records${rss}`);
  rmSync(out, { force: true });
  return run;
}

/**
 * The memory case: the same files at a quarter of LARGE_BYTES and at all of it (the target's
 * records the same in both), the CLI's peak RSS at each (target: flat, under 500 MB).
 */
function benchMemory(root: string): void {
  const started = performance.now();
  const corpus = writeLargeCorpus(root);
  growLargeCorpus(corpus, LARGE_BYTES / 4);
  console.log(`memory case (generated in ${((performance.now() - started) / 1000).toFixed(0)} s):`);
  const quarter = largeRun(corpus);
  growLargeCorpus(corpus, LARGE_BYTES);
  const whole = largeRun(corpus);
  if (quarter.peakMb !== undefined && whole.peakMb !== undefined)
    console.log(`  peak RSS ${quarter.peakMb.toFixed(0)} MB → ${whole.peakMb.toFixed(0)} MB for 4× the input (target: flat, < 500 MB)`);
}

export async function benchLogFiles(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('out/main/cli.cjs is missing: run `npm run build` first.');
  const roots = [mkdtempSync(join(tmpdir(), 'trailcase-bench-logs-')), mkdtempSync(join(tmpdir(), 'trailcase-bench-large-'))];
  try {
    benchSpeed(roots[0]!);
    if (LARGE_BYTES > 0) benchMemory(roots[1]!);
  } finally {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  }
  await Promise.resolve();
}
