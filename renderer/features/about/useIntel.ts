import { useCallback, useEffect, useState } from 'react';

import type { ApiOutput } from '../../../shared/api/contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import type { IntelStatus } from '../../../shared/api/intel-contract';
import { api } from '../../api/bridge';

type Outcomes = ApiOutput<'intelUpdate'>['outcomes'];

export type UpdateState =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; outcomes: Outcomes } | { kind: 'failed'; error: ApiErrorShape };

/** The enrichment data sets in use (intelStatus), and Update (intelUpdate) with its outcome. */
export function useIntel(open: boolean) {
  const [status, setStatus] = useState<IntelStatus | null>(null);
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const [update, setUpdate] = useState<UpdateState>({ kind: 'idle' });

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.intelStatus({}).then((result) => {
      if (!live) return;
      if (result.ok) setStatus(result.data);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [open]);

  const runUpdate = useCallback(async () => {
    setUpdate({ kind: 'running' });
    const result = await api.intelUpdate({});
    if (!result.ok) {
      setUpdate({ kind: 'failed', error: result.error });
      return;
    }
    setStatus(result.data.status);
    setUpdate({ kind: 'done', outcomes: result.data.outcomes });
  }, []);

  return { status, error, update, runUpdate };
}
