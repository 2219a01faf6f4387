import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import { formatUtc } from '../timeline/time-format';
import { compareRows, flattenRecord } from './flatten';

/** At most this many events side by side; more would not fit a screen. */
export const maxCompared = 6;

/** Two or more events side by side, field by field, with the fields that differ highlighted. */
export function CompareView({ events, onClose }: { events: readonly NormalizedEvent[]; onClose(): void }) {
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  const shown = useMemo(() => events.slice(0, maxCompared), [events]);
  const rows = useMemo(() => compareRows(shown.map((e) => (e.record ? flattenRecord(e.record) : new Map([['(raw)', cellText(e.raw ?? '', 300)]])))), [shown]);
  const visible = onlyDiffs ? rows.filter((r) => r.differs) : rows;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content compare-dialog" aria-describedby={undefined}>
          <header className="panel-header">
            <Dialog.Title>Compare {shown.length} events</Dialog.Title>
            {events.length > maxCompared && <span className="muted">showing the first {maxCompared} of {events.length}</span>}
            <span className="spacer" />
            <label className="check">
              <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} /> Only differences
            </label>
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </header>
          {/* Scrolls in both directions: a tab stop of its own so the keyboard can scroll it. */}
          <div className="compare-scroll" role="region" aria-label="Fields of the compared events" tabIndex={0}>
            <table className="compare-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  {shown.map((e) => (
                    <th key={e.id} scope="col">
                      {cellText(e.eventName || 'unparseable', 60)}
                      <div className="muted">{formatUtc(e.time)}</div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {visible.map((row) => (
                  <tr key={row.path} className={row.differs ? 'differs' : undefined}>
                    <th scope="row">{cellText(row.path, 120)}</th>
                    {row.values.map((value, i) => (
                      <td key={shown[i]!.id}>{value ?? <span className="muted">—</span>}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
