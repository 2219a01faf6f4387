import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';

import type { InvestigationSummary } from '../../../shared/api/investigation-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { visibleText } from '../../../shared/display/visible-text';
import { matchesSearch } from './investigation-text';
import { InvestigationRow } from './InvestigationRow';
import './investigations.css';

export interface InvestigationsDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  list: InvestigationSummary[];
  error: ApiErrorShape | null;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

function Section({ title, items, onOpen, onDelete }: { title: string; items: InvestigationSummary[]; onOpen(id: string): void; onDelete(id: string): void }) {
  return (
    <section aria-label={title}>
      <h3>
        {title} <span className="muted">({items.length.toLocaleString('en-US')})</span>
      </h3>
      {items.length > 0 && (
        <ul className="investigation-list" aria-label={title}>
          {items.map((item) => (
            <InvestigationRow key={item.id} item={item} onOpen={onOpen} onDelete={onDelete} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every saved and autosaved investigation, searchable, to open or delete. */
export function InvestigationsDialog({ open, onOpenChange, list, error, onOpen, onDelete }: InvestigationsDialogProps) {
  const [search, setSearch] = useState('');
  const shown = list.filter((item) => matchesSearch(item, search));
  const saved = shown.filter((item) => item.kind === 'saved');
  const autosaved = shown.filter((item) => item.kind === 'autosave');
  const openOne = (id: string) => {
    onOpen(id);
    onOpenChange(false);
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content investigations-dialog" aria-describedby={undefined}>
          <Dialog.Title>Investigations</Dialog.Title>
          <input
            type="search"
            className="investigation-search"
            aria-label="Search investigations"
            placeholder="Search by name, identity, profile, region or notes"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {error && <p className="field-error">{visibleText(error.message)}</p>}
          {list.length === 0 ? (
            <p className="muted">Nothing saved yet: an investigation is kept as you work once its fetch has events, and Save investigation… keeps it under a name.</p>
          ) : shown.length === 0 ? (
            <p className="muted" role="status">
              No investigation matches “{visibleText(search)}”.
            </p>
          ) : (
            <div className="investigation-sections">
              <Section title="Saved" items={saved} onOpen={openOne} onDelete={onDelete} />
              <Section title="Autosaved" items={autosaved} onOpen={openOne} onDelete={onDelete} />
            </div>
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
