import { useEffect, useMemo, useState } from 'react';

import type { FetchAnalysis } from '../../../shared/api/analysis-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import type { MuteInput } from '../../../shared/api/investigation-contract';
import { api } from '../../api/bridge';
import type { FetchSession } from '../workspace/useFetchSession';
import { indexAnalysis } from './analysis-index';
import type { AnalysisIndex } from './analysis-index';

export type AnalysisState =
  | { status: 'none' }
  | { status: 'waiting' }
  | { status: 'running' }
  | { status: 'ready'; index: AnalysisIndex }
  | { status: 'failed'; error: ApiErrorShape };

const stopped = new Set(['done', 'failed', 'cancelled']);
const noMutes: readonly MuteInput[] = [];

/**
 * The host's analysis of the fetch on screen. It runs when the fetch stops (done, failed or
 * cancelled, and once a reopened fetch's events are loaded), not while pages stream in: the
 * analysis reads every event of the fetch, and findings that span events change meaning as
 * events arrive, so the panel says it waits for the fetch to finish.
 */
export function useAnalysis(
  session: FetchSession,
  baselineFetchId: string | null = null,
  mutes: readonly MuteInput[] = noMutes,
): AnalysisState {
  const { fetchId, state } = session;
  const count = session.events.length;
  const ready = fetchId !== null && stopped.has(state) && count > 0;
  // A baseline that arrives later (H1: its fetch runs after this one) analyses again, with it.
  // The analyst's mutes (M1) are part of the question: muting or unmuting a rule asks again.
  const mutesKey = JSON.stringify(mutes);
  const key = ready ? `${fetchId}|${count}|${baselineFetchId ?? ''}|${mutesKey}` : null;
  const [answer, setAnswer] = useState<{ key: string; result: FetchAnalysis | ApiErrorShape } | null>(null);

  useEffect(() => {
    if (!key || !fetchId) return;
    let live = true;
    // A call that throws (a host without the method, a dropped connection) fails the panel, not the page.
    Promise.resolve()
      .then(() =>
        api.analyzeFetch({ fetchId, ...(baselineFetchId ? { baselineFetchId } : {}), ...(mutes.length > 0 ? { mutes: [...mutes] } : {}) }),
      )
      .then(
        (result) => live && setAnswer({ key, result: result.ok ? result.data : result.error }),
        (error: unknown) =>
          live && setAnswer({ key, result: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } }),
      );
    return () => {
      live = false;
    };
    // `mutes` is read through `mutesKey`: a new array with the same mutes does not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fetchId, baselineFetchId]);

  return useMemo((): AnalysisState => {
    if (fetchId === null || (count === 0 && stopped.has(state))) return { status: 'none' };
    if (!key) return { status: 'waiting' };
    if (!answer || answer.key !== key) return { status: 'running' };
    return 'findings' in answer.result
      ? { status: 'ready', index: indexAnalysis(answer.result) }
      : { status: 'failed', error: answer.result };
  }, [fetchId, count, state, key, answer]);
}
