import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { ApiErrorShape } from '../../../shared/api/errors';
import { FetchQuery } from '../../../shared/api/fetch-contract';
import type { FetchState, SessionLink } from '../../../shared/api/fetch-contract';
import type { CursorState } from '../cloudtrail/cursors';
import { addInterval } from '../cloudtrail/intervals';
import type { Interval } from '../cloudtrail/intervals';
import type { LookupAttribute } from '../cloudtrail/types';
import { appendPrivateFileSync, ensurePrivateDirSync, tightenTreeSync, writePrivateFileSync } from '../storage/private-files';

/**
 * Why plain files and not SQLite: the store must run unchanged in Electron, the CLI and the web
 * host with no native module to rebuild per runtime (better-sqlite3 needs an Electron rebuild).
 * Pages go to append-only files (one line a page, fsynced) before the cursor that follows them is
 * written atomically (write-file-atomic: temp file, fsync, rename). A kill between the two
 * leaves a page that is fetched again, and dedupe by eventID absorbs it; a line torn by a kill
 * is skipped on read and fenced off by the next append. Folders are 0700 and files 0600, and a
 * cache left readable by an older version is tightened when the store is first used (promise 20).
 */

/** One stored event: the untouched raw record with its id and time. */
export interface StoredEvent {
  id: string;
  t: number;
  raw: string;
  /** The record's region, for events of a source other than lookup (lookup's come from their stream). */
  r?: string;
}

/** One lookup of a fetch: an attribute in a region over a window, reached directly or via a session. */
export interface StreamRecord {
  id: string;
  region: string;
  attribute: LookupAttribute;
  via: SessionLink | null;
  start: number;
  end: number;
}

export interface RegionRecord {
  state: FetchState;
  error: ApiErrorShape | null;
}

/** How far a fetch from a source other than lookup has come, kept for Resume. */
export interface SourceRunState {
  /** Units (files, objects) read and stored: Resume skips them. */
  done: string[];
  bytesDone: number;
  /** Units and bytes of the whole query, once known. */
  total: number | null;
  bytes: number | null;
  /** Units the last run could not read, with why (read again on Resume). */
  failed: { name: string; message: string }[];
  /** A driver's own resume data (Athena: its query execution id). */
  resume: Record<string, string>;
}

/** Everything needed to show a fetch and to resume it after the process died. */
export interface FetchRecord {
  version: 1;
  fetchId: string;
  query: FetchQuery;
  cacheKey: string;
  state: FetchState;
  error: ApiErrorShape | null;
  startedAt: string;
  updatedAt: string;
  streams: StreamRecord[];
  cursors: Array<CursorState & { region: string }>;
  regions: Record<string, RegionRecord>;
  /** Set for a source other than lookup (its events are in the stream `sourceStreamKey`). */
  source?: SourceRunState;
}

export function createFetchStore(cacheDir: string) {
  const root = join(cacheDir, 'cloudtrail');
  const fenced = new Set<string>();
  const privateDirs = new Set<string>();
  let tightened = false;

  /** The store's folder (and the cache folder), private; checked once per folder and process. */
  function folder(...parts: string[]): string {
    if (!tightened) {
      tightened = true;
      ensurePrivateDirSync(cacheDir, 'cloudtrail');
      tightenTreeSync(root);
    }
    const dir = join(root, ...parts);
    if (!privateDirs.has(dir)) {
      ensurePrivateDirSync(root, ...parts);
      privateDirs.add(dir);
    }
    return dir;
  }

  function streamDir(streamKey: string): string {
    return folder('streams', createHash('sha256').update(streamKey).digest('hex').slice(0, 40));
  }

  /** Makes sure an append starts on a fresh line even after a torn write. */
  function needsFence(file: string): boolean {
    if (fenced.has(file)) return false;
    fenced.add(file);
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return false;
    }
    if (size === 0) return false;
    const fd = openSync(file, 'r');
    try {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      return last[0] !== 0x0a;
    } finally {
      closeSync(fd);
    }
  }

  return {
    saveFetch(record: FetchRecord): void {
      writePrivateFileSync(join(folder('fetches'), `${record.fetchId}.json`), JSON.stringify(record));
    },

    loadFetch(fetchId: string): FetchRecord | null {
      try {
        const value = JSON.parse(readFileSync(join(folder('fetches'), `${fetchId}.json`), 'utf8')) as FetchRecord;
        if (value.version !== 1 || value.fetchId !== fetchId || !FetchQuery.safeParse(value.query).success) return null;
        return value;
      } catch {
        return null;
      }
    },

    listFetchIds(): string[] {
      try {
        return readdirSync(folder('fetches'))
          .filter((name) => /^[\w-]{1,80}\.json$/.test(name))
          .map((name) => name.slice(0, -'.json'.length));
      } catch {
        return [];
      }
    },

    /** Appends one page (one line) and forces it to disk before the cursor moves past it. */
    appendEvents(streamKey: string, events: StoredEvent[]): void {
      if (events.length === 0) return;
      const file = join(streamDir(streamKey), 'events.ndjson');
      const line = `${needsFence(file) ? '\n' : ''}${events.map((event) => JSON.stringify(event)).join('\n')}\n`;
      appendPrivateFileSync(file, line);
    },

    readEvents(streamKey: string): StoredEvent[] {
      let text = '';
      try {
        text = readFileSync(join(streamDir(streamKey), 'events.ndjson'), 'utf8');
      } catch {
        return [];
      }
      const events: StoredEvent[] = [];
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const value = JSON.parse(line) as StoredEvent;
          if (typeof value.id === 'string' && typeof value.t === 'number' && typeof value.raw === 'string') events.push(value);
        } catch {
          // A line torn by a kill: its page was never acknowledged and is fetched again.
        }
      }
      return events;
    },

    readCoverage(streamKey: string): Interval[] {
      try {
        const value = JSON.parse(readFileSync(join(streamDir(streamKey), 'coverage.json'), 'utf8')) as { intervals: Interval[] };
        return Array.isArray(value.intervals)
          ? value.intervals.filter((i) => Array.isArray(i) && typeof i[0] === 'number' && typeof i[1] === 'number')
          : [];
      } catch {
        return [];
      }
    },

    addCoverage(streamKey: string, interval: Interval): void {
      const intervals = addInterval(this.readCoverage(streamKey), interval);
      writePrivateFileSync(join(streamDir(streamKey), 'coverage.json'), JSON.stringify({ streamKey, intervals }));
    },
  };
}

export type FetchStore = ReturnType<typeof createFetchStore>;

/**
 * The cache key of a lookup source: the resolved endpoint (`aws` for AWS's own) and the account.
 * Pages fetched from one endpoint never answer for another, nor continue against another.
 */
export function sourceKeyOf(endpoint: string | undefined, account: string): string {
  return `${endpoint ?? 'aws'}|${account}`;
}

/** The endpoint part of a source's cache key (the whole key for a source without one). */
export function endpointOfSourceKey(cacheKey: string): string {
  const bar = cacheKey.lastIndexOf('|');
  return bar < 0 ? cacheKey : cacheKey.slice(0, bar);
}

/** Where a fetch from a source other than lookup keeps its events: its own stream, not shared. */
export function sourceStreamKey(fetchId: string): string {
  return `source|${fetchId}`;
}

/** The cache key of one lookup stream: account (and endpoint), region and attribute. */
export function streamKeyOf(cacheKey: string, region: string, attribute: LookupAttribute): string {
  return `${cacheKey}|${region}|${attribute.key}=${attribute.value}`;
}
