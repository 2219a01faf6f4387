import { useCallback, useEffect, useState } from 'react';

import type { ApiErrorShape, ApiResult } from '../../../shared/api/errors';

export type IamCallState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ApiErrorShape };

/**
 * One read-only IAM call keyed by `key` (null: nothing to read): made when the key changes, and
 * again on `reload`. An answer for an older key is dropped, so a quick switch never shows the wrong identity.
 */
export function useIamCall<T>(key: string | null, run: () => Promise<ApiResult<T>>): { state: IamCallState<T>; reload(): void } {
  const [answer, setAnswer] = useState<{ key: string; round: number; state: IamCallState<T> } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!key) return;
    let live = true;
    Promise.resolve()
      .then(run)
      .then(
        (result) => live && setAnswer({ key, round, state: result.ok ? { status: 'ready', data: result.data } : { status: 'failed', error: result.error } }),
        (error: unknown) => live && setAnswer({ key, round, state: { status: 'failed', error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } } }),
      );
    return () => {
      live = false;
    };
    // `run` is a new function each render; the key and the round say when to call again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  if (!key) return { state: { status: 'idle' }, reload };
  const state: IamCallState<T> = answer && answer.key === key && answer.round === round ? answer.state : { status: 'loading' };
  return { state, reload };
}
