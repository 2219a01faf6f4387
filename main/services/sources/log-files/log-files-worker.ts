import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

import { judgeCandidates } from './candidate-filter';
import type { LogFile } from './discover';
import type { LogQuery } from './log-query';
import type { RecordSlice } from './record-slices';
import type { CutMessage, LogRecord, LogWorkerInput, LogWorkerReply } from './worker-messages';

/**
 * A batch goes to DuckDB when it holds this many candidate records, bytes of them, or files:
 * each query has a fixed cost, and a batch bounds what is held (memory stays flat) and how long
 * Cancel and progress wait.
 */
const BATCH = { records: 5000, bytes: 16 << 20, files: 64 };

interface Pending {
  index: number;
  file: LogFile;
  slices: RecordSlice[];
  /** The cutter it came from, and its bytes: credit given back once judged. */
  cutter: number;
  bytes: number;
}

const post = (reply: LogWorkerReply) => parentPort!.postMessage(reply);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();

/** DuckDB judges a batch's candidates; each file of it is then posted with its matches, or named. */
async function flush(connection: DuckDBConnection, batch: Pending[], query: LogQuery): Promise<void> {
  const verdicts = await judgeCandidates(connection, batch.flatMap((pending) => pending.slices.map((slice) => slice.raw)), query);
  let id = 0;
  for (const { index, file, slices } of batch) {
    const records: LogRecord[] = [];
    let invalid: RecordSlice | null = null;
    for (const slice of slices) {
      const verdict = verdicts.get(id++);
      if (verdict?.valid === false) invalid ??= slice;
      else if (verdict) records.push({ raw: slice.raw, region: verdict.region ?? '', eventId: verdict.eventId });
    }
    if (invalid) post({ type: 'fileError', index, path: file.path, bytes: file.bytes, message: `record ${invalid.position} is not valid JSON` });
    else post({ type: 'file', index, path: file.path, bytes: file.bytes, records });
  }
}

/** Set by the host's 'stop' (Cancel): the query is interrupted and no further batch is judged. */
let stopped = false;
let running: DuckDBConnection | null = null;
let wake: (() => void) | null = null;

/**
 * DuckDB, loaded while the cutters read the first files; by require, as the worker is CommonJS
 * (an import() would have Node's ESM loader parse the package, 100 ms).
 */
async function openEngine(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const { DuckDBInstance } = createRequire(__filename)('@duckdb/node-api') as typeof DuckDB;
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '256MB' });
  const connection = await instance.connect();
  return { instance, connection };
}

/**
 * The judge: takes the cutters' candidates as they come, in batches, and has DuckDB decide which
 * match (filter, range, regions, valid JSON); each file is posted to the host once judged.
 */
async function main({ files, query, ports }: LogWorkerInput): Promise<void> {
  const queue: Array<{ cutter: number; message: Exclude<CutMessage, { type: 'end' }> }> = [];
  let open = ports.length;
  ports.forEach((port, cutter) => {
    // A cutter that fails never says 'end': the host hears its error and stops this worker.
    port.on('message', (message: CutMessage) => {
      if (message.type === 'end') open -= 1;
      else queue.push({ cutter, message });
      wake?.();
    });
  });
  const { instance, connection } = await openEngine();
  running = connection;
  let batch: Pending[] = [];
  let held = { records: 0, bytes: 0 };
  let failure: unknown = null;
  try {
    while (!stopped) {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const { cutter, message } = item;
        const file = files[message.index]!;
        if (message.type === 'cutError') post({ type: 'fileError', index: message.index, path: file.path, bytes: file.bytes, message: message.message });
        else {
          batch.push({ index: message.index, file, slices: message.slices, cutter, bytes: message.bytes });
          held = { records: held.records + message.slices.length, bytes: held.bytes + message.bytes };
        }
      }
      const ended = open === 0;
      const full = held.records >= BATCH.records || held.bytes >= BATCH.bytes || batch.length >= BATCH.files;
      if (batch.length && (full || ended)) {
        await flush(connection, batch, query);
        for (const { cutter, bytes } of batch) ports[cutter]!.postMessage({ judged: bytes });
        [batch, held] = [[], { records: 0, bytes: 0 }];
      } else if (ended) break;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } catch (error) {
    // An interrupted query is Cancel; anything else is the engine's failure.
    if (!stopped) failure = error;
  }
  running = null;
  // Done first (the host writes its output while DuckDB closes), unless the engine failed.
  if (!failure) post({ type: 'done' });
  for (const port of ports) port.close();
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
  wake?.();
});

main(workerData as LogWorkerInput).catch((error: unknown) => {
  post({ type: 'fatal', message: messageOf(error) });
  parentPort!.close();
});
