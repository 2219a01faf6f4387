import { useState } from 'react';

import { visibleText } from '../../../shared/display/visible-text';
import { utcClock } from './investigation-text';
import { SaveInvestigationDialog } from './SaveInvestigationDialog';
import type { InvestigationKeeper } from './useInvestigationKeeper';
import './investigations.css';

export interface InvestigationControlsProps {
  keeper: InvestigationKeeper;
  /** The name offered for a new saved investigation. */
  suggestedName: string;
  onShowAll(): void;
}

/** Save (the saved investigation on view), Save investigation… / Save as… (a new one), the list, and what is kept. */
export function InvestigationControls({ keeper, suggestedName, onShowAll }: InvestigationControlsProps) {
  const [naming, setNaming] = useState(false);
  const { onView, unsaved, autosavedAt } = keeper;
  // The time first: a long name is what the ellipsis cuts (the whole line is the title).
  const status = onView
    ? unsaved
      ? `Unsaved changes (autosaved) to “${visibleText(onView.name)}”`
      : `Saved ${utcClock(onView.updatedAt)}: “${visibleText(onView.name)}”`
    : autosavedAt
      ? `Autosaved ${utcClock(autosavedAt)}`
      : '';
  return (
    <div className="investigation-controls" role="group" aria-label="Investigation">
      <span className="investigation-status muted" role="status" title={status}>
        {status}
      </span>
      {onView && (
        <button type="button" disabled={!unsaved} onClick={() => void keeper.save()} title={`Save the changes into “${visibleText(onView.name)}”`}>
          Save
        </button>
      )}
      <button type="button" disabled={!keeper.canSave} onClick={() => setNaming(true)} title={keeper.canSave ? undefined : 'Fetch events first; then the investigation can be saved.'}>
        {onView ? 'Save as…' : 'Save investigation…'}
      </button>
      <button type="button" onClick={onShowAll}>
        Investigations…
      </button>
      <SaveInvestigationDialog
        open={naming}
        onOpenChange={setNaming}
        asNew={onView !== null}
        initialName={onView ? `${onView.name} (copy)` : suggestedName}
        initialNotes={keeper.notes}
        error={keeper.error}
        onSave={async (name, notes) => (await keeper.save(name, notes)) !== null}
      />
    </div>
  );
}
