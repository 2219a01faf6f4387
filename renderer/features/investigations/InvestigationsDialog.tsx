import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';

import type { InvestigationSummary } from '../../../shared/api/investigation-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { visibleText } from '../../../shared/display/visible-text';
import './investigations.css';

export interface InvestigationsDialogProps {
  list: InvestigationSummary[];
  error: ApiErrorShape | null;
  name: string;
  notes: string;
  canSave: boolean;
  savedAt: string | null;
  onNameChange(name: string): void;
  onNotesChange(notes: string): void;
  onSave(): void;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

function identityOf(item: InvestigationSummary): string {
  return item.query.identity.kind === 'user' ? item.query.identity.userName : item.query.identity.accessKeyId;
}

/** Save the investigation on view (name, notes) and reopen a recent one. */
export function InvestigationsDialog(props: InvestigationsDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button">Investigations</button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content investigations-dialog" aria-describedby={undefined}>
          <Dialog.Title>Investigations</Dialog.Title>
          <form
            className="save-form"
            onSubmit={(e) => {
              e.preventDefault();
              props.onSave();
            }}
          >
            <label className="field-label" htmlFor="investigation-name">
              Name
            </label>
            <input id="investigation-name" value={props.name} maxLength={200} onChange={(e) => props.onNameChange(e.target.value)} />
            <label className="field-label" htmlFor="investigation-notes">
              Notes
            </label>
            <textarea id="investigation-notes" rows={4} value={props.notes} onChange={(e) => props.onNotesChange(e.target.value)} />
            <div className="row">
              <button type="submit" className="primary" disabled={!props.canSave || !props.name.trim()}>
                Save investigation
              </button>
              {props.savedAt && <span className="muted" role="status">Saved {new Date(props.savedAt).toLocaleTimeString()}</span>}
              {!props.canSave && <span className="muted">Fetch events first; then the investigation can be saved.</span>}
            </div>
          </form>
          {props.error && <p className="field-error">{visibleText(props.error.message)}</p>}
          <h3>Recent</h3>
          {props.list.length === 0 ? (
            <p className="muted">No saved investigations yet.</p>
          ) : (
            <ul className="investigation-list" aria-label="Recent investigations">
              {props.list.map((item) => (
                <li key={item.id}>
                  <div>
                    <strong>{visibleText(item.name)}</strong>
                    <div className="muted">
                      {identityOf(item)} · {item.query.regions.join(', ')} · {item.selected} selected · {new Date(item.updatedAt).toLocaleString()}
                    </div>
                  </div>
                  <button
                    type="button"
                    aria-label={`Open ${visibleText(item.name)}`}
                    onClick={() => {
                      props.onOpen(item.id);
                      setOpen(false);
                    }}
                  >
                    Open
                  </button>
                  <button type="button" className="ghost" aria-label={`Delete ${visibleText(item.name)}`} onClick={() => props.onDelete(item.id)}>
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
          <Dialog.Close asChild>
            <button type="button" className="dialog-close">
              Close
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
