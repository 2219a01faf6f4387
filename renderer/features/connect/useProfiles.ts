import { useCallback, useEffect, useState } from 'react';

import type { ProfileList } from '../../../shared/api/app-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { api } from '../../api/bridge';

/** The profiles of the shared AWS files, loaded once and on demand (Reload). */
export function useProfiles() {
  const [list, setList] = useState<ProfileList | null>(null);
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    const result = await api.listProfiles({});
    if (result.ok) {
      setList(result.data);
      setError(null);
    } else setError(result.error);
    setLoading(false);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { list, error, loading, reload };
}
