import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzip } from 'node:zlib';

import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

import { judgeCandidates } from './candidate-filter';
import type { LogFile } from './discover';
import type { LogQuery } from './log-query';
import { hitsIn, looksWhole, needlesOf } from './prefilter';
import type { Needles } from './prefilter';
import { recordsHolding } from './record-slices';
import type { RecordSlice } from './record-slices';
import type { LogRecord, LogWorkerInput, LogWorkerReply } from './worker-messages';

const unzip = promisify(gunzip);
/**
 * A batch goes to DuckDB when it holds this many candidate records, bytes of them, or files:
 * each query has a fixed cost, and a batch bounds what is held (memory stays flat) and how long
 * Cancel and progress wait.
 */
const BATCH = { records: 5000, bytes: 16 << 20, files: 64 };
/** Files read and unzipped ahead (off this thread, by libuv) while one is searched. */
const AHEAD = 2;

interface Pending {
  file: LogFile;
  slices: RecordSlice[];
}

const post = (reply: LogWorkerReply) => parentPort!.postMessage(reply);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();

/**
 * A file's text, unzipped into one buffer of the size its gzip trailer gives: zlib's default 16 KiB
 * chunks cost a callback and a copy each, more than the unzipping itself.
 */
async function textOf(file: LogFile): Promise<Buffer> {
  const packed = await readFile(file.path);
  if (!file.path.endsWith('.gz')) return packed;
  return unzip(packed, { chunkSize: Math.min(Math.max(file.textBytes + 1, 64 << 10), 256 << 20) });
}

/**
 * A file's candidate records: those whose text holds the filter's value (a byte search, sound for
 * every filter, see prefilter.ts), cut exactly. Throws for a file cut short or not CloudTrail's.
 */
function candidatesOf(text: Buffer, needles: Needles): RecordSlice[] {
  const hits = hitsIn(text, needles);
  const slices = hits === 'all' || hits.length ? recordsHolding(text, hits) : [];
  if (!looksWhole(text)) throw new Error('the file is cut short or is not one JSON object');
  return slices;
}

/** DuckDB judges a batch's candidates; each file of it is then posted with its matches, or named. */
async function flush(connection: DuckDBConnection, batch: Pending[], query: LogQuery): Promise<void> {
  const verdicts = await judgeCandidates(connection, batch.flatMap((pending) => pending.slices.map((slice) => slice.raw)), query);
  let id = 0;
  for (const { file, slices } of batch) {
    const records: LogRecord[] = [];
    let invalid: RecordSlice | null = null;
    for (const slice of slices) {
      const verdict = verdicts.get(id++);
      if (verdict?.valid === false) invalid ??= slice;
      else if (verdict) records.push({ raw: slice.raw, region: verdict.region ?? '', eventId: verdict.eventId });
    }
    if (invalid) post({ type: 'fileError', path: file.path, bytes: file.bytes, message: `record ${invalid.position} is not valid JSON` });
    else post({ type: 'file', path: file.path, bytes: file.bytes, records });
  }
}

/** Set by the host's 'stop' (Cancel): the query is interrupted and no further file is read. */
let stopped = false;
let running: DuckDBConnection | null = null;

/**
 * DuckDB, loaded after the first files are asked for, so that they unzip meanwhile; by require, as
 * the worker is CommonJS (an import() would have Node's ESM loader parse the package, 100 ms).
 */
async function openEngine(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const { DuckDBInstance } = createRequire(__filename)('@duckdb/node-api') as typeof DuckDB;
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '256MB' });
  const connection = await instance.connect();
  return { instance, connection };
}

async function main({ files, query }: LogWorkerInput): Promise<void> {
  const needles = needlesOf(query.filter);
  const texts = new Map<number, Promise<Buffer>>();
  const load = (at: number) => {
    if (at >= files.length || texts.has(at)) return;
    const text = textOf(files[at]!);
    // Marked handled now: a read that fails before its turn is reported at its turn.
    text.catch(() => {});
    texts.set(at, text);
  };
  for (let ahead = 0; ahead <= AHEAD; ahead++) load(ahead);
  const { instance, connection } = await openEngine();
  running = connection;
  let batch: Pending[] = [];
  let held = { records: 0, bytes: 0 };
  let failure: unknown = null;
  try {
    for (let at = 0; at < files.length && !stopped; at++) {
      for (let ahead = 0; ahead <= AHEAD; ahead++) load(at + ahead);
      const file = files[at]!;
      try {
        const slices = candidatesOf(await texts.get(at)!, needles);
        batch.push({ file, slices });
        held = { records: held.records + slices.length, bytes: held.bytes + slices.reduce((sum, slice) => sum + slice.raw.length, 0) };
      } catch (error) {
        post({ type: 'fileError', path: file.path, bytes: file.bytes, message: messageOf(error) });
      }
      texts.delete(at);
      const full = held.records >= BATCH.records || held.bytes >= BATCH.bytes || batch.length >= BATCH.files;
      if (full || at === files.length - 1) {
        await flush(connection, batch, query);
        [batch, held] = [[], { records: 0, bytes: 0 }];
      }
    }
  } catch (error) {
    // An interrupted query is Cancel; anything else is the engine's failure.
    if (!stopped) failure = error;
  }
  running = null;
  // Done first (the host writes its output while DuckDB closes), unless the engine failed.
  if (!failure) post({ type: 'done' });
  connection.closeSync();
  instance.closeSync();
  if (failure) throw failure;
  // The port was listened to for 'stop': close it so that the thread ends on its own (terminating
  // a thread while DuckDB works aborts the process).
  parentPort!.close();
}

parentPort!.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  stopped = true;
  running?.interrupt();
});

main(workerData as LogWorkerInput).catch((error: unknown) => {
  post({ type: 'fatal', message: messageOf(error) });
  parentPort!.close();
});
