import { useCallback, useEffect, useRef, useState } from 'react';

import type { ApiErrorShape } from '../../../shared/api/errors';
import type { FetchQuery, FetchState } from '../../../shared/api/fetch-contract';
import type { StreamMessage } from '../../../shared/api/stream';
import { baselineQueryOf } from '../../../shared/baseline/baseline-range';
import { api } from '../../api/bridge';
import type { FetchSession } from './useFetchSession';

export interface BaselineFetch {
  /** `off`: the switch was off; `none`: nothing earlier within LookupEvents' 90 days. */
  state: FetchState | 'idle' | 'starting' | 'off' | 'none';
  fetchId: string | null;
  query: FetchQuery | null;
  eventCount: number;
  error: ApiErrorShape | null;
}

const idle: BaselineFetch = { state: 'idle', fetchId: null, query: null, eventCount: 0, error: null };

/**
 * The investigation's baseline: the identity's earlier history (up to 90 days before the range,
 * as far as LookupEvents reaches), fetched as a fetch of its own once the investigation's fetch is
 * done, so the range comes first at full speed; both share the region's rate limiter. Stored and
 * cached like any fetch; its events stay on the host (the analysis reads them there), the
 * renderer only follows its state and count.
 */
export function useBaselineFetch(main: FetchSession, enabled: boolean) {
  const [baseline, setBaseline] = useState<BaselineFetch>(idle);
  const current = useRef<string | null>(null);
  const early = useRef<StreamMessage[] | null>(null);
  /** The investigation fetch a baseline was started (or reopened) for. */
  const owner = useRef<string | null>(null);

  const apply = useCallback((message: StreamMessage) => {
    if (!('fetchId' in message) || message.fetchId !== current.current) return;
    if (message.type === 'fetch.progress') setBaseline((b) => ({ ...b, eventCount: message.eventCount }));
    else if (message.type === 'fetch.state') setBaseline((b) => ({ ...b, state: message.state, error: message.error }));
  }, []);

  useEffect(
    () =>
      api.subscribe((message) => {
        if (early.current && 'fetchId' in message) early.current.push(message);
        else apply(message);
      }),
    [apply],
  );

  const start = useCallback(
    async (query: FetchQuery) => {
      const earlier = baselineQueryOf(query, Date.now());
      if (!earlier) {
        setBaseline({ ...idle, state: 'none' });
        return;
      }
      current.current = null;
      early.current = [];
      setBaseline({ ...idle, query: earlier, state: 'starting' });
      const result = await api.startFetch(earlier);
      const waiting = early.current ?? [];
      early.current = null;
      if (!result.ok) {
        setBaseline({ ...idle, query: earlier, state: 'failed', error: result.error });
        return;
      }
      current.current = result.data.fetchId;
      setBaseline((b) => ({ ...b, fetchId: result.data.fetchId, state: 'running' }));
      for (const message of waiting) apply(message);
    },
    [apply],
  );

  // Starts once the investigation's own fetch is done (not when it failed or was cancelled).
  const { fetchId: mainId, state: mainState, query: mainQuery } = main;
  useEffect(() => {
    if (!mainId || owner.current === mainId || mainState !== 'done' || !mainQuery) return;
    owner.current = mainId;
    if (!enabled) {
      current.current = null;
      setBaseline({ ...idle, state: 'off' });
      return;
    }
    void start(mainQuery);
  }, [mainId, mainState, mainQuery, enabled, start]);

  /** Shows the baseline a saved investigation kept (its fetch id), or none. */
  const reopen = useCallback(async (mainFetchId: string | null, baselineFetchId: string | null) => {
    owner.current = mainFetchId;
    current.current = baselineFetchId;
    if (!baselineFetchId) {
      setBaseline({ ...idle, state: 'off' });
      return;
    }
    setBaseline({ ...idle, fetchId: baselineFetchId, state: 'starting' });
    const status = await api.getFetch({ fetchId: baselineFetchId });
    if (current.current !== baselineFetchId) return;
    setBaseline(
      status.ok
        ? { state: status.data.state, fetchId: baselineFetchId, query: status.data.query, eventCount: status.data.eventCount, error: status.data.error }
        : { ...idle, state: 'failed', error: status.error },
    );
  }, []);

  /** A new investigation: forget the previous baseline until its fetch is done. */
  const reset = useCallback(() => {
    owner.current = null;
    current.current = null;
    setBaseline(idle);
  }, []);

  return { baseline, reopen, reset };
}
