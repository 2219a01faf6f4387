import { useCallback, useRef, useState } from 'react';

import type { InvestigationInput, SavedInvestigation } from '../../../shared/api/investigation-contract';
import { useInvestigations } from '../investigations/useInvestigations';

/**
 * Keeps the investigation on view saved: the first save creates it, later saves replace it.
 * Saves run one after another, so two quick changes never create two investigations.
 */
export function useInvestigationSync() {
  const investigations = useInvestigations();
  const { save } = investigations;
  const id = useRef<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const persist = useCallback(
    (input: Omit<InvestigationInput, 'id'>) => {
      queue.current = queue.current.then(async () => {
        const saved = await save({ ...input, ...(id.current ? { id: id.current } : {}) });
        if (saved) {
          id.current = saved.id;
          setSavedAt(saved.updatedAt);
        }
      });
      return queue.current;
    },
    [save],
  );

  /** Starts a new investigation (next save creates it), or adopts one that was opened. */
  const adopt = useCallback((saved: SavedInvestigation | null) => {
    id.current = saved?.id ?? null;
    setSavedAt(saved?.updatedAt ?? null);
  }, []);

  return { ...investigations, persist, adopt, savedAt };
}
