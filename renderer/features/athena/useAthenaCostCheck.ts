import { useCallback, useRef, useState } from 'react';

import type { AthenaScanEstimate } from '../../../shared/api/athena-contract';
import { sourceOf } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { api } from '../../api/bridge';

/** The threshold when the analyst set none (the host's own default). */
export const DEFAULT_MAX_COST_USD = 1;

/** The host's error for a table absent from the data catalog (the field it names). */
export function isMissingTable(error: ApiErrorShape): boolean {
  return error.code === 'NOT_FOUND' && error.fields?.['source.table'] === 'missing';
}

export interface PendingScan {
  query: FetchQuery;
  estimate: AthenaScanEstimate;
  threshold: number;
}

/**
 * Fetch with an Athena source asks the host for the scan's estimate first: at or under the
 * analyst's threshold the fetch starts; above it the query waits in `pending` for the analyst's
 * answer, and starts only on confirm, carrying the accepted estimate (the host checks it again).
 * Other sources start at once. A failed estimate starts nothing and is kept in `problem`; when
 * the table is missing, its query is kept in `missing` (the form offers Create table…).
 */
export function useAthenaCostCheck(onFetch: (query: FetchQuery) => void) {
  const [estimating, setEstimating] = useState(false);
  const [pending, setPending] = useState<PendingScan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<FetchQuery | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const asked = useRef(0);

  const check = useCallback(
    async (query: FetchQuery) => {
      const source = sourceOf(query);
      setProblem(null);
      setMissing(null);
      setCreated(null);
      if (source.kind !== 'athena') return onFetch(query);
      const turn = (asked.current += 1);
      setEstimating(true);
      const result = await api.estimateAthenaScan(query);
      if (turn !== asked.current) return;
      setEstimating(false);
      if (!result.ok) {
        setMissing(isMissingTable(result.error) ? query : null);
        return setProblem(result.error.message);
      }
      const threshold = source.maxCostUsd ?? DEFAULT_MAX_COST_USD;
      if (result.data.usd <= threshold) return onFetch(query);
      setPending({ query, estimate: result.data, threshold });
    },
    [onFetch],
  );

  const confirm = useCallback(() => {
    if (!pending) return;
    const source = sourceOf(pending.query);
    setPending(null);
    if (source.kind === 'athena') onFetch({ ...pending.query, source: { ...source, confirmedUsd: pending.estimate.usd } });
  }, [pending, onFetch]);

  const cancel = useCallback(() => setPending(null), []);

  /** The missing table was created: its error goes, and the next Fetch estimates again. */
  const tableCreated = useCallback((table: string) => {
    setProblem(null);
    setMissing(null);
    setCreated(table);
  }, []);

  return { check, estimating, problem, missing, created, tableCreated, pending, confirm, cancel };
}
