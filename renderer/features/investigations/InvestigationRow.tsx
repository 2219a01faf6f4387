import { useState } from 'react';

import type { InvestigationSummary } from '../../../shared/api/investigation-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { summaryLine } from './investigation-text';

export interface InvestigationRowProps {
  item: InvestigationSummary;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

/** One investigation of the list: what it is, Open, and Delete after a second confirming click. */
export function InvestigationRow({ item, onOpen, onDelete }: InvestigationRowProps) {
  const [confirming, setConfirming] = useState(false);
  const name = visibleText(item.name);
  return (
    <li>
      <div>
        <strong>{name}</strong>
        <div className="muted">{visibleText(summaryLine(item))}</div>
      </div>
      {confirming ? (
        <>
          <button type="button" className="danger" aria-label={`Delete ${name} for good`} onClick={() => onDelete(item.id)}>
            Delete
          </button>
          <button type="button" className="ghost" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <>
          <button type="button" aria-label={`Open ${name}`} onClick={() => onOpen(item.id)}>
            Open
          </button>
          <button type="button" className="ghost" aria-label={`Delete ${name}…`} onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </>
      )}
    </li>
  );
}
