import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';

import type { FetchedEvent } from '../../../../shared/api/fetch-contract';
import { ApiError } from '../../../../shared/api/errors';
import { stableId } from '../../../../shared/records/normalize';
import { findLogFiles } from './discover';
import { MAX_TEXT_BYTES } from './file-cutting';
import type { LogQuery } from './log-query';
import type { CutterInput, LogRecord, LogWorkerInput, LogWorkerReply } from './worker-messages';

/** How far a log-file fetch has come, for a progress line. */
export interface LogFilesProgress {
  filesDone: number;
  files: number;
  bytesDone: number;
  bytes: number;
  events: number;
}

export interface LogFilesResult {
  events: FetchedEvent[];
  /** Files that could not be read (corrupt, truncated, not CloudTrail), with the reason. */
  failed: { path: string; message: string }[];
  files: number;
  foldersSkipped: number;
  cancelled: boolean;
}

/** One file as the worker finished it: its matching records, or why it could not be read. */
export interface LogFileDone {
  path: string;
  bytes: number;
  events: FetchedEvent[];
  error: string | null;
}

export interface LogFilesOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LogFilesProgress) => void;
  /** The files to read and their bytes, once found (before any is read). */
  onFound?: (totals: { files: number; bytes: number }) => void;
  /** Each file once read, before the next (the app stores it, so Resume skips it). */
  onFile?: (file: LogFileDone) => void;
  /** The most text one file may unzip to (default MAX_TEXT_BYTES); a larger one is named in `failed`. */
  maxTextBytes?: number;
  /** Files an earlier run already read (Resume): not read again, nor counted. */
  skip?: ReadonlySet<string>;
}

const here = dirname(fileURLToPath(import.meta.url));
const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * A worker of this folder (`name`): the built file next to out/main's files or, from source
 * (Vitest, the CLI under tsx), the TypeScript file loaded through tsx's require hook inside it.
 */
function startWorker(name: string, workerData: unknown, transferList: TransferListItem[]): Worker {
  if (fromSource) {
    const tsx = resolve(here, '../../../../node_modules/tsx/dist/cjs/api/index.cjs');
    const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(join(here, `${name}.ts`))});`;
    return new Worker(code, { eval: true, workerData, transferList });
  }
  const candidates = [join(here, `${name}.cjs`), join(here, '..', `${name}.cjs`)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new ApiError('INTERNAL', `The log-files worker is missing (looked for ${candidates.join(' and ')}): rebuild Trailcase.`);
  return new Worker(found, { workerData, transferList });
}

/**
 * The engine's threads: cutters (one per core, at most four, never more than the files) unzip
 * the files and cut out the records that could match, and the judge runs DuckDB over those. Each
 * cutter talks to the judge on a port of its own.
 */
function startEngine(files: LogWorkerInput['files'], query: LogQuery, maxTextBytes: number): { judge: Worker; cutters: Worker[] } {
  const count = Math.max(1, Math.min(availableParallelism(), 4, files.length));
  const next = new SharedArrayBuffer(4);
  const channels = Array.from({ length: count }, () => new MessageChannel());
  const ports = channels.map((channel) => channel.port2);
  const judge = startWorker('log-files-worker', { files, query, ports } satisfies LogWorkerInput, ports);
  const cutters = channels.map(({ port1: port }) =>
    startWorker('log-files-cutter', { files, filter: query.filter, next, port, maxTextBytes } satisfies CutterInput, [port]),
  );
  return { judge, cutters };
}

/**
 * One identity's (or one address's) records from CloudTrail log files under `source`, a folder or
 * a file. The files are found here (pruned by region and day in the S3 key layout), cut by the
 * cutter threads and judged by DuckDB in a thread of its own, so the caller's thread never blocks
 * on them. A file that cannot be read is named in `failed` and the others still load; `signal`
 * stops the threads and keeps what arrived.
 */
export async function fetchLogFiles(
  source: string,
  query: LogQuery,
  options: LogFilesOptions = {},
): Promise<LogFilesResult> {
  const found = await findLogFiles(source, query).catch((error: NodeJS.ErrnoException) => {
    throw new ApiError(
      'BAD_INPUT',
      `Cannot read ${source} (${error.code ?? error.message}): give a folder or a file of CloudTrail log files.`,
    );
  });
  const { skip } = options;
  if (skip?.size) found.files = found.files.filter((file) => !skip.has(file.path));
  const progress: LogFilesProgress = { filesDone: 0, files: found.files.length, bytesDone: 0, bytes: 0, events: 0 };
  progress.bytes = found.files.reduce((sum, file) => sum + file.bytes, 0);
  const result: LogFilesResult = {
    events: [],
    failed: [],
    files: found.files.length,
    foldersSkipped: found.foldersSkipped,
    cancelled: false,
  };
  options.onFound?.({ files: progress.files, bytes: progress.bytes });
  if (!found.files.length || options.signal?.aborted) return { ...result, cancelled: Boolean(options.signal?.aborted) };
  const { judge, cutters } = startEngine(found.files, query, options.maxTextBytes ?? MAX_TEXT_BYTES);
  // Each file's records by its index: the result lists them in the files' order, whichever
  // cutter finished first.
  const byFile: FetchedEvent[][] = [];
  return new Promise((done, fail) => {
    // The judge is asked to stop, never terminated: a thread ended while DuckDB runs aborts the
    // process. Files already being judged finish and are kept.
    const stopAll = () => [judge, ...cutters].forEach((worker) => worker.postMessage('stop'));
    const stop = () => {
      result.cancelled = true;
      stopAll();
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', stop);
      if (error) {
        stopAll();
        return fail(error);
      }
      result.events = byFile.flat();
      done(result);
    };
    const failed = (error: Error) => finish(new ApiError('INTERNAL', `The log-file engine failed: ${error.message}`));
    judge.on('message', (reply: LogWorkerReply) => {
      if (reply.type === 'done') return finish();
      if (reply.type === 'fatal') return failed(new Error(reply.message));
      progress.filesDone += 1;
      progress.bytesDone += reply.bytes;
      const events = reply.type === 'file' ? reply.records.map(fetchedOf) : [];
      byFile[reply.index] = events;
      if (reply.type === 'fileError') result.failed.push({ path: reply.path, message: reply.message });
      options.onFile?.({ path: reply.path, bytes: reply.bytes, events, error: reply.type === 'fileError' ? reply.message : null });
      progress.events += events.length;
      options.onProgress?.({ ...progress });
    });
    judge.on('error', failed);
    judge.on('exit', () => (result.cancelled ? finish() : finish(new ApiError('INTERNAL', 'The log-file engine stopped before it finished.'))));
    for (const cutter of cutters) cutter.on('error', failed);
  });
}

const fetchedOf = (record: LogRecord): FetchedEvent => ({ eventId: record.eventId ?? stableId(record.raw), region: record.region, raw: record.raw });
