import type { FetchedEvent, FetchQuery, SourceProgress } from '../../../shared/api/fetch-contract';
import type { LogFilter } from '../sources/log-files/log-query';

/** One unit a source finished (a log file, an S3 object, a page of Athena results). */
export interface SourceUnit {
  name: string;
  bytes: number;
  events: FetchedEvent[];
  /** Why it could not be read (the others still load); null when it was. */
  error: string | null;
  /** False for a unit that is not kept across runs (Athena's pages: Resume reads the same execution again). */
  resumable?: boolean;
}

/** What one run of a source is given, and how it reports back to the fetch that owns it. */
export interface SourceJob {
  query: FetchQuery;
  filter: LogFilter;
  start: number;
  end: number;
  /** None: every region. */
  regions: string[];
  signal: AbortSignal;
  /** Units an earlier run stored (Resume): not read again. */
  done: ReadonlySet<string>;
  /** What a driver kept for Resume (Athena: its query execution id). */
  resume: Readonly<Record<string, string>>;
  setResume(key: string, value: string): void;
  /** The units still to read and their bytes, once known. */
  onFound(totals: { units: number; bytes: number | null }): void;
  onUnit(unit: SourceUnit): void;
  /** What the source is doing, in a few words ("listing objects", "query running"). */
  onPhase(phase: string | null): void;
}

/** A source other than LookupEvents: runs a query, unit by unit, into the fetch's store. */
export interface SourceDriver {
  kind: SourceProgress['kind'];
  unit: SourceProgress['unit'];
  run(job: SourceJob): Promise<void>;
  /** Frees its clients once the fetch stops. */
  close?(): void;
}
