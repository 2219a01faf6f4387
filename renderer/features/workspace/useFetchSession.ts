import { useCallback, useEffect, useRef, useState } from 'react';

import type { FetchQuery, FetchState, RegionProgress, SourceProgress } from '../../../shared/api/fetch-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import type { StreamMessage } from '../../../shared/api/stream';
import type { NormalizedEvent } from '../../../shared/records/types';
import { api } from '../../api/bridge';
import { EventBuffer } from './event-buffer';

export interface FetchSession {
  fetchId: string | null;
  query: FetchQuery | null;
  state: FetchState | 'idle' | 'starting' | 'loading';
  regions: RegionProgress[];
  /** Files (objects, pages) done of all, bytes, events: a source other than lookup. */
  sourceProgress?: SourceProgress | null;
  eventCount: number;
  error: ApiErrorShape | null;
  events: NormalizedEvent[];
}

const idle: FetchSession = { fetchId: null, query: null, state: 'idle', regions: [], sourceProgress: null, eventCount: 0, error: null, events: [] };

/** Pages of stored events read per call when an investigation is reopened. */
const reopenPage = 5000;

/**
 * One fetch seen from the renderer: starts, cancels, resumes or reopens it, and keeps its
 * events and per-region progress from the host's stream. Pages are gathered and shown at most
 * once per animation frame, so a fast stream does not re-render the views for every page.
 */
export function useFetchSession() {
  const [session, setSession] = useState<FetchSession>(idle);
  const buffer = useRef(new EventBuffer());
  const current = useRef<string | null>(null);
  const early = useRef<StreamMessage[] | null>(null);
  const frame = useRef<number | null>(null);

  const flush = useCallback(() => {
    frame.current = null;
    const events = buffer.current.snapshot();
    setSession((s) => (s.events === events ? s : { ...s, events }));
  }, []);

  const scheduleFlush = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(flush);
  }, [flush]);

  const apply = useCallback(
    (message: StreamMessage) => {
      if (!('fetchId' in message) || message.fetchId !== current.current) return;
      // Progress and state wait for the events sent before them (some may be in the ingest
      // workers), so the workspace never says "done" over a count that is still climbing.
      if (message.type === 'fetch.events') {
        if (buffer.current.add(message.events) > 0) scheduleFlush();
      } else if (message.type === 'fetch.progress') {
        const sourceProgress = message.sourceProgress ?? null;
        buffer.current.whenIngested(() => setSession((s) => ({ ...s, regions: message.regions, sourceProgress, eventCount: message.eventCount })));
      } else if (message.type === 'fetch.state') {
        buffer.current.whenIngested(() => setSession((s) => ({ ...s, state: message.state, error: message.error })));
      }
    },
    [scheduleFlush],
  );

  useEffect(() => {
    buffer.current.onIngested = scheduleFlush;
    buffer.current.warm();
    const unsubscribe = api.subscribe((message) => {
      // Messages can arrive before startFetch answers with the fetch id: keep them until then.
      if (early.current && 'fetchId' in message) early.current.push(message);
      else apply(message);
    });
    return () => {
      unsubscribe();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [apply, scheduleFlush]);

  const adopt = useCallback(
    (fetchId: string) => {
      current.current = fetchId;
      const waiting = early.current ?? [];
      early.current = null;
      for (const message of waiting) apply(message);
    },
    [apply],
  );

  const loadStored = useCallback(
    async (fetchId: string) => {
      for (let offset = 0; ; offset += reopenPage) {
        const page = await api.getFetchEvents({ fetchId, offset, limit: reopenPage });
        if (!page.ok || current.current !== fetchId) return page.ok ? null : page.error;
        buffer.current.add(page.data.events);
        scheduleFlush();
        if (page.data.events.length === 0 || offset + page.data.events.length >= page.data.total) {
          await new Promise<void>((resolve) => buffer.current.whenIngested(resolve));
          return null;
        }
      }
    },
    [scheduleFlush],
  );

  const start = useCallback(
    async (query: FetchQuery) => {
      buffer.current.clear();
      current.current = null;
      early.current = [];
      setSession({ ...idle, query, state: 'starting' });
      const result = await api.startFetch(query);
      if (!result.ok) {
        early.current = null;
        const cancelled = result.error.code === 'CANCELLED';
        setSession({ ...idle, query, state: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : result.error });
        return null;
      }
      setSession((s) => ({ ...s, fetchId: result.data.fetchId, state: 'running' }));
      adopt(result.data.fetchId);
      return result.data.fetchId;
    },
    [adopt],
  );

  const cancel = useCallback(async () => {
    // Still starting (credentials being resolved, a credential_process maybe hung): no id yet.
    if (!current.current) {
      await api.cancelStartingFetches({});
      return;
    }
    const result = await api.cancelFetch({ fetchId: current.current });
    if (!result.ok) setSession((s) => ({ ...s, error: result.error }));
  }, []);

  const resume = useCallback(async () => {
    const fetchId = current.current;
    if (!fetchId) return;
    setSession((s) => ({ ...s, state: 'running', error: null }));
    const result = await api.resumeFetch({ fetchId });
    if (!result.ok) setSession((s) => ({ ...s, state: 'failed', error: result.error }));
    else if (result.data.fetchId !== fetchId) adopt(result.data.fetchId);
  }, [adopt]);

  /** Tries again after a failure: resumes a fetch that started, or starts again one that never did. */
  const retry = useCallback(async () => {
    if (current.current) return resume();
    if (session.query) await start(session.query);
  }, [resume, start, session.query]);

  /** Shows a stored fetch again (saved investigation, restart): its events, state and progress. */
  const reopen = useCallback(
    async (fetchId: string, query: FetchQuery) => {
      buffer.current.clear();
      early.current = null;
      current.current = fetchId;
      setSession({ ...idle, fetchId, query, state: 'loading' });
      const status = await api.getFetch({ fetchId });
      if (!status.ok) {
        setSession({ ...idle, query, state: 'failed', error: status.error });
        return;
      }
      const error = await loadStored(fetchId);
      const s = status.data;
      setSession((prev) => ({ ...prev, state: s.state, regions: s.regions, sourceProgress: s.sourceProgress ?? null, eventCount: s.eventCount, error: error ?? s.error }));
    },
    [loadStored],
  );

  const reset = useCallback(() => {
    buffer.current.clear();
    current.current = null;
    setSession(idle);
  }, []);

  return { session, start, cancel, resume, retry, reopen, reset };
}
