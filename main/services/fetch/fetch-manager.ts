import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';

import { ApiError, isApiError, isCredentialError } from '../../../shared/api/errors';
import { sourceOf } from '../../../shared/api/fetch-contract';
import type { FetchedEvent, FetchQuery, FetchState, FetchStatus, RegionProgress } from '../../../shared/api/fetch-contract';
import type { StreamMessage } from '../../../shared/api/stream';
import type { RegionTuning } from '../cloudtrail/region-runner';
import type { LookupSource } from '../cloudtrail/types';
import { FetchRun } from './fetch-run';
import { endpointOfSourceKey } from './fetch-store';
import type { FetchRecord, FetchStore } from './fetch-store';
import type { SourceDriver } from './source-driver';
import { SourceRun } from './source-run';

/** Pages read from the cache can be thousands of events: they are streamed in slices. */
const EVENTS_PER_MESSAGE = 500;

export interface FetchManagerDeps {
  store: FetchStore;
  emit(message: StreamMessage): void;
  /** The lookup source of a profile; `signal` stops resolving its credentials. */
  sourceFor(profile: string, signal?: AbortSignal): Promise<LookupSource>;
  /** Drops a profile's cached credentials and clients (see FetchService.forgetCredentials). */
  forgetCredentials?(profile: string): void;
  tuning?: RegionTuning;
  /**
   * The driver of a query's source other than lookup (log files, S3, Athena), checked and ready:
   * a wrong path or missing credentials fail here, as a start error.
   */
  openSource?(query: FetchQuery, signal?: AbortSignal): Promise<SourceDriver>;
}

/** A fetch in motion or on view: LookupEvents' streams, or another source's units. */
type Run = FetchRun | SourceRun;
const isLookup = (record: FetchRecord) => sourceOf(record.query).kind === 'lookup';


interface Live {
  run: Run;
  controller: AbortController;
  done: Promise<void>;
  startedMs: number;
}

/**
 * Runs fetches and keeps their status: starts, cancels and resumes them, streams their pages
 * as `fetch.events`, their progress as `fetch.progress` and their end as `fetch.state`.
 */
export function createFetchManager(deps: FetchManagerDeps) {
  const live = new Map<string, Live>();
  const shown = new Map<string, Run>();

  function progressOf(run: Run, startedMs: number): RegionProgress[] {
    if (run instanceof SourceRun) return [];
    return run.record.query.regions.map((region) => {
      const runner = run.runners.get(region)!;
      const regionRecord = run.record.regions[region]!;
      const total = run.record.streams.filter((s) => s.region === region).reduce((sum, s) => sum + (s.end - s.start), 0);
      const covered = total > 0 ? Math.min(1, Math.max(0, 1 - runner.remainingMs() / total)) : 1;
      const elapsed = (Date.now() - startedMs) / 1000;
      const running = regionRecord.state === 'running';
      return {
        region,
        state: regionRecord.state,
        pages: runner.pages,
        events: run.events.filter((event) => event.region === region).length,
        rateLimitWaits: runner.rateLimitWaits,
        throttled: runner.throttled,
        waitingOnRateLimit: running && runner.waiting > 0,
        covered,
        etaSeconds: running && covered > 0.02 ? Math.round((elapsed * (1 - covered)) / covered) : running ? null : 0,
        error: regionRecord.error,
      };
    });
  }

  function statusOf(run: Run, startedMs: number): FetchStatus {
    const { record } = run;
    return {
      fetchId: record.fetchId,
      query: record.query,
      state: record.state,
      regions: progressOf(run, startedMs),
      ...(run instanceof SourceRun ? { sourceProgress: run.progress() } : {}),
      eventCount: run.events.length,
      startedAt: record.startedAt,
      updatedAt: record.updatedAt,
      error: record.error,
    };
  }

  /** Loads a fetch that is not running: one that ended, or one whose process died. */
  function loadStopped(fetchId: string): Run {
    const cached = shown.get(fetchId);
    if (cached) return cached;
    const record = deps.store.loadFetch(fetchId);
    if (!record) throw new ApiError('NOT_FOUND', `There is no fetch "${fetchId}".`);
    if (record.state === 'running' || record.state === 'queued') {
      record.state = 'failed';
      record.error = {
        code: 'CANCELLED',
        message: 'Trailcase stopped before this fetch finished. Resume continues from the last stored page.',
      };
      for (const region of Object.values(record.regions))
        if (region.state === 'running' || region.state === 'queued') region.state = 'cancelled';
    }
    const quiet = { onEvents: () => {}, onProgress: () => {}, onSaved: () => {} };
    const run = isLookup(record) ? new FetchRun(record, inertSource, deps.store, quiet) : new SourceRun(record, null, deps.store, quiet);
    run.restore();
    shown.set(fetchId, run);
    return run;
  }

  async function launch(record: FetchRecord, fresh: boolean, source: LookupSource | SourceDriver): Promise<void> {
    const controller = new AbortController();
    // Every waiting call listens for Cancel on this one signal: dozens at once is expected.
    setMaxListeners(1000, controller.signal);
    const startedMs = Date.now();
    let lastProgress = 0;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    // At most one progress message every 200 ms; one held back is sent when the 200 ms end, so
    // the last change before a quiet spell (a slow or hung call) always reaches the views.
    const emitProgress = (force = false) => {
      const wait = lastProgress + 200 - Date.now();
      if (!force && wait > 0) {
        trailing ??= setTimeout(() => {
          trailing = null;
          emitProgress(true);
        }, wait);
        trailing.unref();
        return;
      }
      if (trailing) clearTimeout(trailing);
      trailing = null;
      lastProgress = Date.now();
      deps.emit({
        type: 'fetch.progress',
        fetchId: record.fetchId,
        regions: progressOf(run, startedMs),
        ...(run instanceof SourceRun ? { sourceProgress: run.progress() } : {}),
        eventCount: run.events.length,
      });
    };
    const callbacks = {
      onEvents: (events: FetchedEvent[]) => {
        for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE)
          deps.emit({ type: 'fetch.events', fetchId: record.fetchId, events: events.slice(i, i + EVENTS_PER_MESSAGE) });
      },
      onProgress: (force?: boolean) => emitProgress(force),
      onSaved: () => emitProgress(),
    };
    const run: Run = 'lookup' in source ? new FetchRun(record, source, deps.store, callbacks, deps.tuning) : new SourceRun(record, source, deps.store, callbacks);
    shown.delete(record.fetchId);
    record.state = 'running';
    record.error = null;
    deps.store.saveFetch(record);
    // The work starts on the next turn, after the caller has the fetch id: the events read from
    // the cache are streamed then, not before anyone knows which fetch they belong to.
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => {
        deps.emit({ type: 'fetch.state', fetchId: record.fetchId, state: 'running', error: null });
        if (fresh) run.plan();
        else run.restore();
        return run.run(controller.signal);
      })
      .catch((error: unknown) => {
        record.regions = Object.fromEntries(Object.keys(record.regions).map((region) => [region, { state: 'failed', error: null }]));
        record.error = isApiError(error)
          ? error.toShape()
          : { code: 'INTERNAL', message: 'The fetch could not read or write its local store.' };
      })
      .then(() => finish(run, controller.signal.aborted, emitProgress));
    live.set(record.fetchId, { run, controller, done, startedMs });
  }

  function finish(run: Run, cancelled: boolean, emitProgress: (force: boolean) => void): void {
    const { record } = run;
    const regions = Object.values(record.regions);
    const failed = regions.find((region) => region.state === 'failed');
    // A source other than lookup has no regions: its own error says it failed.
    record.state = cancelled ? 'cancelled' : failed || record.error ? 'failed' : 'done';
    record.error = cancelled ? null : (failed?.error ?? record.error ?? null);
    run.flush();
    emitProgress(true);
    deps.emit({ type: 'fetch.state', fetchId: record.fetchId, state: record.state, error: record.error });
    live.delete(record.fetchId);
    shown.set(record.fetchId, run);
  }

  function newRecord(query: FetchQuery, cacheKey: string): FetchRecord {
    const now = new Date().toISOString();
    const regions = isLookup({ query } as FetchRecord)
      ? Object.fromEntries(query.regions.map((region) => [region, { state: 'queued' as FetchState, error: null }]))
      : {};
    return {
      version: 1,
      fetchId: `f-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`,
      query,
      cacheKey,
      state: 'queued',
      error: null,
      startedAt: now,
      updatedAt: now,
      streams: [],
      cursors: [],
      regions,
    };
  }

  function openSource(query: FetchQuery, signal?: AbortSignal): Promise<SourceDriver> {
    if (!deps.openSource) throw new ApiError('BAD_INPUT', `This host reads CloudTrail through LookupEvents only, not ${sourceOf(query).kind} sources.`);
    return deps.openSource(query, signal);
  }

  return {
    /** Starts a fetch; `signal` cancels it while its credentials are still being resolved. */
    async start(query: FetchQuery, signal?: AbortSignal): Promise<string> {
      const source = sourceOf(query).kind === 'lookup' ? await deps.sourceFor(query.profile, signal) : await openSource(query, signal);
      if (signal?.aborted) throw new ApiError('CANCELLED', 'The fetch was cancelled before it started.');
      const record = newRecord(query, 'cacheKey' in source ? source.cacheKey : `source|${source.kind}`);
      await launch(record, true, source);
      return record.fetchId;
    },

    async cancel(fetchId: string): Promise<void> {
      const running = live.get(fetchId);
      if (!running) {
        loadStopped(fetchId);
        return;
      }
      running.controller.abort();
      await running.done;
    },

    async resume(fetchId: string): Promise<string> {
      if (live.has(fetchId)) return fetchId;
      const { record } = loadStopped(fetchId);
      if (record.state === 'done') return fetchId;
      const regionErrors = Object.values(record.regions).map((region) => region.error?.code);
      if ([record.error?.code, ...regionErrors].some(isCredentialError))
        deps.forgetCredentials?.(record.query.profile);
      for (const region of Object.values(record.regions)) {
        if (region.state !== 'done') {
          region.state = 'queued';
          region.error = null;
        }
      }
      if (!isLookup(record)) {
        record.error = null;
        await launch(record, false, await openSource(record.query));
        return fetchId;
      }
      const source = await deps.sourceFor(record.query.profile);
      // The pages kept and the saved NextTokens came from one endpoint: never continue them
      // against another one (the profile's endpoint changed since).
      if (endpointOfSourceKey(source.cacheKey) !== endpointOfSourceKey(record.cacheKey)) {
        throw new ApiError(
          'CONFLICT',
          `Profile "${record.query.profile}" now points at another endpoint than when this fetch started: start a new fetch.`,
        );
      }
      await launch(record, false, source);
      return fetchId;
    },

    get(fetchId: string): FetchStatus {
      const running = live.get(fetchId);
      if (running) return statusOf(running.run, running.startedMs);
      return statusOf(loadStopped(fetchId), Date.now());
    },

    list(): FetchStatus[] {
      const ids = new Set([...live.keys(), ...deps.store.listFetchIds()]);
      const statuses: FetchStatus[] = [];
      for (const id of ids) {
        try {
          statuses.push(this.get(id));
        } catch (error) {
          if (!isApiError(error)) throw error;
        }
      }
      return statuses.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },

    events(fetchId: string, offset: number, limit: number): { events: FetchedEvent[]; total: number } {
      const run = live.get(fetchId)?.run ?? loadStopped(fetchId);
      return { events: run.events.slice(offset, offset + limit), total: run.events.length };
    },

    /** Resolves when the fetch stops running (tests, the CLI). */
    async settled(fetchId: string): Promise<FetchStatus> {
      await live.get(fetchId)?.done;
      return this.get(fetchId);
    },

    /** Stops every running fetch (host shutdown). */
    async stopAll(): Promise<void> {
      const running = [...live.values()];
      for (const entry of running) entry.controller.abort();
      await Promise.all(running.map((entry) => entry.done));
    },
  };
}

export type FetchManager = ReturnType<typeof createFetchManager>;

/** A source for fetches that are only shown, never run. */
const inertSource: LookupSource = {
  profile: '',
  limitKey: 'inert',
  cacheKey: 'inert',
  callsPerSecond: 1,
  lookup: () => Promise.reject(new ApiError('INTERNAL', 'This fetch is not running.')),
};
