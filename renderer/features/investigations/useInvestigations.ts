import { useCallback, useEffect, useState } from 'react';

import type { InvestigationSummary, SavedInvestigation } from '../../../shared/api/investigation-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { api } from '../../api/bridge';

/** Every saved and autosaved investigation of the host's data folder, and open/delete on them. */
export function useInvestigations() {
  const [list, setList] = useState<InvestigationSummary[]>([]);
  const [error, setError] = useState<ApiErrorShape | null>(null);

  const reload = useCallback(async () => {
    const result = await api.listInvestigations({});
    if (result.ok) setList(result.data);
    else setError(result.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const open = useCallback(async (id: string): Promise<SavedInvestigation | null> => {
    const result = await api.getInvestigation({ id });
    if (result.ok) return result.data;
    setError(result.error);
    return null;
  }, []);

  const remove = useCallback(
    async (id: string) => {
      const result = await api.deleteInvestigation({ id });
      if (!result.ok) setError(result.error);
      void reload();
    },
    [reload],
  );

  return { list, error, setError, reload, open, remove };
}
