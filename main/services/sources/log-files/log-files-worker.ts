import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzip } from 'node:zlib';

import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';

import type { LogFile } from './discover';
import { LARGEST_OBJECT, filterValue, logFilesSql } from './log-query';
import type { LogQuery } from './log-query';
import { sliceRecords } from './record-slices';
import type { LogRecord, LogWorkerInput, LogWorkerReply } from './worker-messages';

const unzip = promisify(gunzip);
/**
 * Files a query reads. Each query costs DuckDB a large fixed amount (measured: 200 files in one
 * query 1.7 s of CPU, in four queries 5.3 s), so one query reads them all, up to this many; Cancel
 * interrupts it. DuckDB runs its own threads, so one query at a time.
 */
const BATCH = 2000;

interface Match {
  position: number;
  region: string | null;
  eventId: string | null;
}

const post = (reply: LogWorkerReply) => parentPort!.postMessage(reply);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();

/** The matches in some files, by path (DuckDB's positions, regions and eventIDs). */
async function matchesIn(
  connection: DuckDBConnection,
  files: LogFile[],
  query: LogQuery,
  objectSize?: number,
): Promise<Map<string, Match[]>> {
  const sql = logFilesSql(files, query.filter, query.regions, objectSize);
  const reader = await connection.runAndReadAll(sql, [query.start, query.end, filterValue(query.filter)]);
  const byFile = new Map<string, Match[]>();
  for (const row of reader.getRowObjectsJS() as { filename: string; position: bigint; region: string | null; event_id: string | null }[]) {
    const list = byFile.get(row.filename) ?? [];
    list.push({ position: Number(row.position), region: row.region, eventId: row.event_id });
    byFile.set(row.filename, list);
  }
  return byFile;
}

/**
 * The exact text of a file's matches, cut from the file (DuckDB's JSON re-serialisation rewrites
 * numbers and escapes). Only files with a match are read again, one at a time.
 */
async function textOf(file: LogFile): Promise<Buffer> {
  const packed = await readFile(file.path);
  return file.path.endsWith('.gz') ? unzip(packed) : packed;
}

async function recordsOf(text: Promise<Buffer>, matches: Match[]): Promise<LogRecord[]> {
  const slices = sliceRecords(await text, new Set(matches.map((match) => match.position)));
  return matches.map((match) => {
    const raw = slices.get(match.position);
    if (raw === undefined) throw new Error(`record ${match.position} could not be cut from the file`);
    return { raw, region: match.region ?? '', eventId: match.eventId };
  });
}

async function postFile(file: LogFile, matches: Match[], text = textOf(file)): Promise<void> {
  try {
    post({ type: 'file', path: file.path, bytes: file.bytes, records: matches.length ? await recordsOf(text, matches) : [] });
  } catch (error) {
    post({ type: 'fileError', path: file.path, bytes: file.bytes, message: messageOf(error) });
  }
}

/**
 * A batch in one query, then each file's matches cut from it in turn; when DuckDB refuses it (a corrupt or truncated file, a file larger than
 * guessed), each file is queried alone so that the bad one is named and the others still load.
 */
async function readBatch(connection: DuckDBConnection, files: LogFile[], query: LogQuery): Promise<void> {
  const together = await matchesIn(connection, files, query).catch(() => null);
  if (together) {
    // The next file with a match is read and unzipped (off this thread) while this one is cut.
    const withMatches = files.filter((file) => together.has(file.path));
    const texts = new Map<LogFile, Promise<Buffer>>();
    const load = (file: LogFile | undefined) => {
      if (!file) return;
      const text = textOf(file);
      // Marked handled now: a read that fails before its turn is reported at its turn.
      text.catch(() => {});
      texts.set(file, text);
    };
    load(withMatches[0]);
    for (const [at, file] of withMatches.entries()) {
      if (stopped) return;
      load(withMatches[at + 1]);
      await postFile(file, together.get(file.path)!, texts.get(file));
      texts.delete(file);
    }
    for (const file of files) if (!together.has(file.path)) post({ type: 'file', path: file.path, bytes: file.bytes, records: [] });
    return;
  }
  for (const file of files) {
    if (stopped) return;
    const alone = await matchesIn(connection, [file], query, LARGEST_OBJECT).then(
      (found) => found.get(file.path) ?? [],
      (error: unknown) => error as Error,
    );
    if (alone instanceof Error) post({ type: 'fileError', path: file.path, bytes: file.bytes, message: messageOf(alone) });
    else await postFile(file, alone);
  }
}

/** Set by the host's 'stop' (Cancel): the query is interrupted and no further file is read. */
let stopped = false;
let running: DuckDBConnection | null = null;

async function main(input: LogWorkerInput): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB' });
  const batches = Array.from({ length: Math.ceil(input.files.length / BATCH) }, (_, at) => input.files.slice(at * BATCH, (at + 1) * BATCH));
  const connection = await instance.connect();
  running = connection;
  try {
    for (const batch of batches) if (!stopped) await readBatch(connection, batch, input.query);
  } finally {
    running = null;
    connection.closeSync();
  }
  instance.closeSync();
  post({ type: 'done' });
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
