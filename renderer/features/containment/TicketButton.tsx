import { useState } from 'react';

import type { StoredDraft } from '../../../shared/api/ticket-contract';
import type { ContainmentOutcome } from '../../../shared/containment/schemas';
import { ticketEntryOf } from '../../../shared/containment/ticket-section';
import { visibleText } from '../../../shared/display/visible-text';
import { api } from '../../api/bridge';

type AddState = { kind: 'idle' } | { kind: 'adding' } | { kind: 'added'; count: number } | { kind: 'failed'; message: string };

/** A new draft for the investigation, when the analyst has not written one yet. */
function emptyDraft(draftKey: string): StoredDraft {
  return { summary: null, analystText: '', fetchId: draftKey === 'scratch' ? null : draftKey, eventIds: [], projectKey: null, issueTypeId: null, fields: {} };
}

/**
 * "Add to ticket": puts the run (and its undo) into the investigation's ticket draft, where the
 * draft shows them as its "Containment" section. The draft is read and saved through the host's
 * draft store (the ticket drawer is closed while this dialog is open, so nothing races it).
 */
export function TicketButton({ draftKey, outcomes }: { draftKey: string; outcomes: ContainmentOutcome[] }) {
  const [state, setState] = useState<AddState>({ kind: 'idle' });
  const add = async () => {
    setState({ kind: 'adding' });
    const loaded = await api.loadDraft({ key: draftKey });
    if (!loaded.ok) return setState({ kind: 'failed', message: loaded.error.message });
    const draft = loaded.data.draft ?? emptyDraft(draftKey);
    const entries = outcomes.map(ticketEntryOf);
    const kept = (draft.containment ?? []).filter((entry) => !entries.some((added) => added.id === entry.id));
    const containment = [...kept, ...entries].slice(-20);
    const saved = await api.saveDraft({ key: draftKey, draft: { ...draft, containment } });
    setState(saved.ok ? { kind: 'added', count: entries.length } : { kind: 'failed', message: saved.error.message });
  };
  return (
    <>
      {state.kind === 'added' && (
        <span role="status" className="contain-muted">
          Added to the ticket draft ({state.count === 1 ? 'one record' : `${state.count} records`}, under Containment).
        </span>
      )}
      {state.kind === 'failed' && (
        <span role="alert" className="contain-error">
          Could not add to the ticket: {visibleText(state.message)}
        </span>
      )}
      <button type="button" disabled={state.kind === 'adding'} onClick={() => void add()}>
        {state.kind === 'added' ? 'Add to ticket again' : 'Add to ticket'}
      </button>
    </>
  );
}
