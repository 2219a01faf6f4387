import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { FormEvent } from 'react';

import type { ApiErrorShape } from '../../../shared/api/errors';
import { visibleText } from '../../../shared/display/visible-text';

export interface SaveInvestigationDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Save as: a saved investigation is on view, and this makes a new one beside it. */
  asNew: boolean;
  initialName: string;
  initialNotes: string;
  error: ApiErrorShape | null;
  /** Resolves true once saved; the dialog then closes. */
  onSave(name: string, notes: string): Promise<boolean>;
}

/** Names the investigation on view (and its notes) and saves it as a new saved investigation. */
export function SaveInvestigationDialog(props: SaveInvestigationDialogProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content investigations-dialog" aria-describedby="save-investigation-hint">
          <Dialog.Title>{props.asNew ? 'Save as a new investigation' : 'Save investigation'}</Dialog.Title>
          {/* Mounted with the dialog, so each opening starts from the names on view. */}
          {props.open && <SaveForm {...props} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SaveForm({ initialName, initialNotes, error, onSave, onOpenChange }: SaveInvestigationDialogProps) {
  const [name, setName] = useState(initialName);
  const [notes, setNotes] = useState(initialNotes);
  const [busy, setBusy] = useState(false);
  const blank = name.trim() === '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blank) return;
    setBusy(true);
    const saved = await onSave(name.trim(), notes);
    setBusy(false);
    if (saved) onOpenChange(false);
  };
  return (
    <form className="save-form" onSubmit={(e) => void submit(e)}>
      <p className="muted" id="save-investigation-hint">
        A saved investigation keeps the filters, selection, sort order, notes and mutes as they are now, and changes only when you save it again.
      </p>
      <label className="field-label" htmlFor="investigation-name">
        Name
      </label>
      <input id="investigation-name" value={name} maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} aria-invalid={blank || undefined} aria-describedby={blank ? 'investigation-name-error' : undefined} />
      {blank && (
        <span className="field-error" id="investigation-name-error">
          Give the investigation a name.
        </span>
      )}
      <label className="field-label" htmlFor="investigation-notes">
        Notes
      </label>
      <textarea id="investigation-notes" rows={4} value={notes} maxLength={100_000} onChange={(e) => setNotes(e.target.value)} />
      {error && <p className="field-error">{visibleText(error.message)}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={() => onOpenChange(false)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={blank || busy}>
          Save
        </button>
      </div>
    </form>
  );
}
