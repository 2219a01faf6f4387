import type { MessagePort } from 'node:worker_threads';

import type { LogFile } from './discover';
import type { LogFilter, LogQuery } from './log-query';
import type { RecordSlice } from './record-slices';

/**
 * What the judge (the DuckDB worker) is given: every file, the query, and one port per cutter,
 * from which the files' candidate records come.
 */
export interface LogWorkerInput {
  files: LogFile[];
  query: LogQuery;
  ports: MessagePort[];
}

/**
 * What a cutter (a worker without DuckDB) is given: every file, the filter, the index of the next
 * file to claim (an Int32 shared by every cutter, taken with Atomics.add, so a cutter that is
 * done early takes more) and its port to the judge.
 */
export interface CutterInput {
  files: LogFile[];
  filter: LogFilter;
  next: SharedArrayBuffer;
  port: MessagePort;
  /** The most text one file may unzip to (a gzip bomb is named, not read). */
  maxTextBytes: number;
}

/** What a cutter sends the judge: a file's candidates (`bytes` of text), a file it could not read, its end. */
export type CutMessage =
  | { type: 'cut'; index: number; slices: RecordSlice[]; bytes: number }
  | { type: 'cutError'; index: number; message: string }
  | { type: 'end' };

/** What the judge answers a cutter: this many bytes of its candidates were judged (its credit back). */
export interface CutAck {
  judged: number;
}

/** One matching record: its exact text, its region and its eventID (null for 1.0-era records). */
export interface LogRecord {
  raw: string;
  region: string;
  eventId: string | null;
}

/** What the judge posts back: a file read, a file that could not be, then the end. */
export type LogWorkerReply =
  | { type: 'file'; index: number; path: string; bytes: number; records: LogRecord[] }
  | { type: 'fileError'; index: number; path: string; bytes: number; message: string }
  | { type: 'done' }
  | { type: 'fatal'; message: string };
