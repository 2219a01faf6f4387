import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzip } from 'node:zlib';

import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';

import type { LogFile } from './discover';
import { filterValue, logFileSql } from './log-query';
import type { LogQuery } from './log-query';
import { sliceRecords } from './record-slices';
import type { LogRecord, LogWorkerInput, LogWorkerReply } from './worker-messages';

const unzip = promisify(gunzip);
/** Files read side by side: DuckDB parses one while the other's matches are cut from its text. */
const LANES = 2;

const post = (reply: LogWorkerReply) => parentPort!.postMessage(reply);

/**
 * One file: DuckDB finds the matching records' positions, then their exact text is cut from the
 * file (DuckDB's JSON re-serialisation rewrites numbers and escapes). Only files with a match are
 * read a second time; each file's text is dropped once done, so memory follows the largest file.
 */
async function readOne(connection: DuckDBConnection, file: LogFile, query: LogQuery): Promise<LogRecord[]> {
  const reader = await connection.runAndReadAll(logFileSql(file, query.filter, query.regions), [
    query.start,
    query.end,
    filterValue(query.filter),
  ]);
  const rows = reader.getRowObjectsJS() as { position: number; region: string | null; event_id: string | null }[];
  if (!rows.length) return [];
  const packed = await readFile(file.path);
  const text = file.path.endsWith('.gz') ? await unzip(packed) : packed;
  const slices = sliceRecords(text, new Set(rows.map((row) => Number(row.position))));
  return rows.map((row) => {
    const raw = slices.get(Number(row.position));
    if (raw === undefined) throw new Error(`record ${row.position} could not be cut from the file`);
    return { raw, region: row.region ?? '', eventId: row.event_id };
  });
}

/** Set by the host's 'stop' (Cancel): no new file is started; those being read finish. */
let stopped = false;

async function main(input: LogWorkerInput): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '512MB' });
  let next = 0;
  const lane = async () => {
    const connection = await instance.connect();
    try {
      for (let at = next++; at < input.files.length && !stopped; at = next++) {
        const file = input.files[at]!;
        try {
          post({ type: 'file', path: file.path, bytes: file.bytes, records: await readOne(connection, file, input.query) });
        } catch (error) {
          post({
            type: 'fileError',
            path: file.path,
            bytes: file.bytes,
            message: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim(),
          });
        }
      }
    } finally {
      connection.closeSync();
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  instance.closeSync();
  post({ type: 'done' });
  // The port was listened to for 'stop': close it so that the thread ends on its own (terminating
  // a thread while DuckDB works aborts the process).
  parentPort!.close();
}

parentPort!.on('message', (message: unknown) => {
  if (message === 'stop') stopped = true;
});

main(workerData as LogWorkerInput).catch((error: unknown) => {
  post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  parentPort!.close();
});
