import type { LogFile } from './discover';
import type { LogQuery } from './log-query';

/** What the log-files worker is given (its `workerData`). */
export interface LogWorkerInput {
  files: LogFile[];
  query: LogQuery;
}

/** One matching record: its exact text, its region and its eventID (null for 1.0-era records). */
export interface LogRecord {
  raw: string;
  region: string;
  eventId: string | null;
}

/** What the worker posts back: a file read, a file that could not be, then the end. */
export type LogWorkerReply =
  | { type: 'file'; path: string; bytes: number; records: LogRecord[] }
  | { type: 'fileError'; path: string; bytes: number; message: string }
  | { type: 'done' }
  | { type: 'fatal'; message: string };
