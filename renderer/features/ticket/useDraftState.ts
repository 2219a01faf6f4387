import { useEffect, useRef, useState } from 'react';

import type { StoredDraft } from '../../../shared/api/ticket-contract';
import type { ContainmentTicketEntry } from '../../../shared/containment/ticket-section';
import { noStoryEdits } from '../../../shared/story/types';
import type { StoryEdits } from '../../../shared/story/types';
import { api } from '../../api/bridge';

/** What the analyst typed and chose; generated sections are derived from the selection instead. */
export interface DraftInput {
  summary: string | null;
  analystText: string;
  projectKey: string | null;
  issueTypeId: string | null;
  fields: Record<string, string>;
  /** Story sentences dropped or reworded. */
  storyEdits: StoryEdits;
  /** Containment runs and undos added from the Contain dialog (the draft's Containment section). */
  containment?: ContainmentTicketEntry[];
}

export type SaveState =
  { kind: 'loading' } | { kind: 'saved'; at: string | null } | { kind: 'saving' } | { kind: 'error'; message: string };

const empty: DraftInput = { summary: null, analystText: '', projectKey: null, issueTypeId: null, fields: {}, storyEdits: noStoryEdits };
const autosaveDelayMs = 400;

/**
 * The analyst's part of the draft, restored from the host's draft store when the drawer opens and
 * saved back (debounced) as they type. Nothing is saved before the stored draft has been read, so
 * an empty editor never overwrites a draft that survived a restart.
 */
export function useDraftState(key: string, fetchId: string | null, eventIds: string[]) {
  const [input, setInput] = useState<DraftInput>(empty);
  const [save, setSave] = useState<SaveState>({ kind: 'loading' });
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const dirty = useRef(false);
  const unsaved = useRef<{ key: string; draft: StoredDraft } | null>(null);

  useEffect(() => {
    let live = true;
    // Edits to the previous draft still inside the debounce window are saved, not dropped.
    if (unsaved.current && unsaved.current.key !== key) void api.saveDraft(unsaved.current);
    unsaved.current = null;
    dirty.current = false;
    void api.loadDraft({ key }).then((result) => {
      if (!live) return;
      const stored = result.ok ? result.data.draft : null;
      setInput(
        stored
          ? {
              summary: stored.summary,
              analystText: stored.analystText,
              projectKey: stored.projectKey,
              issueTypeId: stored.issueTypeId,
              fields: stored.fields,
              storyEdits: stored.storyEdits ?? noStoryEdits,
              ...(stored.containment ? { containment: stored.containment } : {}),
            }
          : empty,
      );
      setSave(result.ok ? { kind: 'saved', at: result.data.savedAt } : { kind: 'error', message: result.error.message });
      setLoadedKey(key);
    });
    return () => {
      live = false;
    };
  }, [key]);

  const idsKey = eventIds.join('\n');
  useEffect(() => {
    if (loadedKey !== key || !dirty.current) return;
    const draft: StoredDraft = { ...input, fetchId, eventIds: idsKey ? idsKey.split('\n') : [] };
    unsaved.current = { key, draft };
    const timer = setTimeout(() => {
      unsaved.current = null;
      setSave({ kind: 'saving' });
      void api
        .saveDraft({ key, draft })
        .then((result) =>
          setSave(result.ok ? { kind: 'saved', at: result.data.savedAt } : { kind: 'error', message: result.error.message }),
        );
    }, autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [input, key, loadedKey, fetchId, idsKey]);

  // Closing the drawer inside the debounce window must not lose the last keystrokes.
  useEffect(
    () => () => {
      if (unsaved.current) void api.saveDraft(unsaved.current);
    },
    [],
  );

  const update = (change: Partial<DraftInput>) => {
    dirty.current = true;
    setInput((current) => ({ ...current, ...change }));
  };

  return { input, update, save, ready: loadedKey === key };
}
