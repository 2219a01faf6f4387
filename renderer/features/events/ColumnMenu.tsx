import * as Popover from '@radix-ui/react-popover';

import { columnTitles } from './columns';
import type { ColumnPrefs } from './useColumnPrefs';

export interface ColumnMenuProps {
  prefs: ColumnPrefs;
  onToggle(id: string): void;
  onMove(id: string, by: -1 | 1): void;
  onReset(): void;
}

/** Shows, hides and reorders the table's columns. */
export function ColumnMenu({ prefs, onToggle, onMove, onReset }: ColumnMenuProps) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button">Columns</button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover column-menu" align="end" sideOffset={4} aria-label="Columns">
          <ul>
            {prefs.order.map((id, index) => (
              <li key={id}>
                <label className="check">
                  <input type="checkbox" checked={!prefs.hidden.includes(id)} onChange={() => onToggle(id)} />
                  {columnTitles[id]}
                </label>
                <button type="button" className="ghost" aria-label={`Move ${columnTitles[id]} left`} disabled={index === 0} onClick={() => onMove(id, -1)}>
                  ↑
                </button>
                <button type="button" className="ghost" aria-label={`Move ${columnTitles[id]} right`} disabled={index === prefs.order.length - 1} onClick={() => onMove(id, 1)}>
                  ↓
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onReset}>
            Reset columns
          </button>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
