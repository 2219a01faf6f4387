import { useCallback, useEffect, useState } from 'react';

import type { InvestigationInput, InvestigationSummary, SavedInvestigation } from '../../../shared/api/investigation-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { api } from '../../api/bridge';

/** The saved investigations of the host's data folder, and save/open/delete on them. */
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

  const save = useCallback(
    async (input: InvestigationInput): Promise<SavedInvestigation | null> => {
      const result = await api.saveInvestigation(input);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      setError(null);
      void reload();
      return result.data;
    },
    [reload],
  );

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

  return { list, error, reload, save, open, remove };
}
