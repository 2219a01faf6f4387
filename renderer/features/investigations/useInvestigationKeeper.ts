import { useCallback, useMemo, useRef, useState } from 'react';

import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { AutosaveInput, MuteInput, SavedInvestigation, SortRule } from '../../../shared/api/investigation-contract';
import type { FilterState } from '../../../shared/filters/filter-state';
import { api } from '../../api/bridge';
import { useAutosave } from '../workspace/useAutosave';
import { autosaveName } from './investigation-text';
import { useInvestigations } from './useInvestigations';

/** What the workspace holds of the investigation on view. */
export interface WorkOnView {
  query: FetchQuery | null;
  fetchId: string | null;
  events: number;
  filters: FilterState;
  selection: ReadonlySet<string>;
  sorting: SortRule[];
  mutes: MuteInput[];
  baselineFetchId: string | null;
}

/** The saved investigation on view: the one Save replaces. */
export interface OnView {
  id: string;
  name: string;
  updatedAt: string;
}

/**
 * A cheap mark of what the analyst changes in an investigation (filters, selection, sort, notes,
 * mutes): the selection by its count and an order-free sum of its ids' hashes.
 */
function markOf(input: AutosaveInput): string {
  let sum = 0;
  for (const id of input.selection) {
    let h = 2166136261;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    sum = (sum + (h >>> 0)) % 4294967296;
  }
  return JSON.stringify([input.fetchId, input.filters, input.sorting, input.notes, input.mutes]) + `|${input.selection.length}|${sum}`;
}

/**
 * Keeps the investigation on view: every change goes to the autosave of its identity and range
 * (never for a fetch without events), while one the analyst saved by name changes only on an
 * explicit Save (or becomes a new one with Save as). Saves run one after another.
 */
export function useInvestigationKeeper(work: WorkOnView) {
  const investigations = useInvestigations();
  const { reload, setError } = investigations;
  const [onView, setOnView] = useState<OnView | null>(null);
  const [savedMark, setSavedMark] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [since, setSince] = useState<string | undefined>(undefined);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const { query, fetchId, events, filters, selection, sorting, mutes, baselineFetchId } = work;
  const snapshot = useMemo<AutosaveInput | null>(
    () =>
      query
        ? {
            name: autosaveName(query, since),
            query,
            fetchId,
            filters,
            selection: [...selection],
            notes,
            mutes,
            sorting,
            events,
            ...(since ? { since } : {}),
            ...(baselineFetchId ? { baselineFetchId } : {}),
          }
        : null,
    [query, fetchId, events, filters, selection, sorting, mutes, baselineFetchId, notes, since],
  );
  const mark = useMemo(() => (snapshot ? markOf(snapshot) : null), [snapshot]);
  // After a saved investigation is reopened, the first view of its fetch is what it holds.
  const [awaiting, setAwaiting] = useState<string | null | undefined>(undefined);
  if (awaiting !== undefined && snapshot && snapshot.fetchId === awaiting) {
    setAwaiting(undefined);
    setSavedMark(mark);
  }

  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const autosave = useCallback(
    (input: AutosaveInput | null) => {
      if (!input) return;
      void enqueue(async () => {
        const result = await api.autosaveInvestigation(input);
        if (!result.ok) setError(result.error);
        else if (result.data) {
          setAutosavedAt(result.data.updatedAt);
          void reload();
        }
      });
    },
    [enqueue, reload, setError],
  );
  const flushAutosave = useAutosave(snapshot, snapshot !== null && fetchId !== null && events > 0, autosave);

  /** An explicit save: the saved investigation on view replaced, or (with a name) a new one. */
  const save = useCallback(
    (name?: string, newNotes?: string): Promise<SavedInvestigation | null> => {
      if (!snapshot) return Promise.resolve(null);
      const input = { ...snapshot, notes: newNotes ?? snapshot.notes, name: name ?? onView?.name ?? snapshot.name, ...(name === undefined && onView ? { id: onView.id } : {}) };
      return enqueue(async () => {
        const result = await api.saveInvestigation(input);
        if (!result.ok) {
          setError(result.error);
          return null;
        }
        setError(null);
        setOnView({ id: result.data.id, name: result.data.name, updatedAt: result.data.updatedAt });
        setNotes(input.notes);
        setSavedMark(markOf(input));
        void reload();
        return result.data;
      });
    },
    [snapshot, onView, enqueue, reload, setError],
  );

  /**
   * A new fetch: nothing saved on view yet; its autosave slot is that of its identity and `since`.
   * A change of the work on view still waiting for its autosave is saved first (a pivot a moment
   * after the fetch ended would otherwise drop the first investigation's autosave).
   */
  const startNew = useCallback((nextSince: string | undefined) => {
    flushAutosave();
    setOnView(null);
    setAwaiting(undefined);
    setSavedMark(null);
    setNotes('');
    setSince(nextSince);
    setAutosavedAt(null);
  }, [flushAutosave]);

  /** An investigation reopened: a saved one is the one Save replaces; an autosave goes on as the autosave. */
  const adopt = useCallback((saved: SavedInvestigation) => {
    setOnView(saved.kind === 'saved' ? { id: saved.id, name: saved.name, updatedAt: saved.updatedAt } : null);
    setNotes(saved.notes);
    setSince(saved.since);
    setAutosavedAt(saved.kind === 'autosave' ? saved.updatedAt : null);
    setSavedMark(null);
    setAwaiting(saved.kind === 'saved' ? saved.fetchId : undefined);
  }, []);

  return {
    ...investigations,
    onView,
    /** The work on view differs from the saved investigation on view. */
    unsaved: onView !== null && mark !== savedMark,
    canSave: snapshot !== null && fetchId !== null,
    autosavedAt,
    notes,
    save,
    startNew,
    adopt,
  };
}

export type InvestigationKeeper = ReturnType<typeof useInvestigationKeeper>;
