import type { ReactNode, RefObject } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import { filterFieldLabels } from '../../../shared/filters/filter-state';
import type { FilterChip, FilterState } from '../../../shared/filters/filter-state';
import { addChip, removeChip } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { ActionsToggle } from '../actions/ActionsToggle';
import { formatUtc } from '../timeline/time-format';
import { ValuePicker } from './ValuePicker';

export interface FilterBarProps {
  filters: FilterState;
  onChange(filters: FilterState): void;
  /** The events the value pickers count. */
  events: readonly NormalizedEvent[];
  searchRef: RefObject<HTMLInputElement | null>;
  /** Controls shown at the end of the bar (columns, investigations). */
  children?: ReactNode;
}

function chipLabel(chip: FilterChip): string {
  return `${filterFieldLabels[chip.field]} ${chip.exclude ? '≠' : '='} ${cellText(chip.value, 60)}`;
}

/** Global search, toggles and the removable chips of the filters in force (they combine with AND). */
export function FilterBar({ filters, onChange, events, searchRef, children }: FilterBarProps) {
  const set = (patch: Partial<FilterState>) => onChange({ ...filters, ...patch });
  return (
    <div className="filter-bar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label="Search events"
        placeholder="Search events  ( / )"
        value={filters.search}
        onChange={(e) => set({ search: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') set({ search: '' });
        }}
      />
      <div className="segmented" role="group" aria-label="Read or write">
        {(['all', 'read', 'write'] as const).map((mode) => (
          <button key={mode} type="button" aria-pressed={filters.readWrite === mode} onClick={() => set({ readWrite: mode })}>
            {mode === 'all' ? 'All' : mode === 'read' ? 'Reads' : 'Writes'}
          </button>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={filters.errorsOnly} onChange={(e) => set({ errorsOnly: e.target.checked })} /> Errors only
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.flaggedOnly} onChange={(e) => set({ flaggedOnly: e.target.checked })} /> Flagged only
      </label>
      <ActionsToggle />
      <ValuePicker events={events} onAdd={(chip) => onChange(addChip(filters, chip))} />
      <ul className="chips" aria-label="Filters in force">
        {filters.timeRange && (
          <li className="chip">
            {formatUtc(filters.timeRange.start)} → {formatUtc(filters.timeRange.end)}
            <button type="button" aria-label="Remove time range filter" onClick={() => set({ timeRange: null })}>
              ×
            </button>
          </li>
        )}
        {filters.chips.map((chip, index) => (
          <li key={`${chip.field}-${chip.value}-${chip.exclude}`} className={chip.exclude ? 'chip exclude' : 'chip'}>
            {chipLabel(chip)}
            <button type="button" aria-label={`Remove filter ${chipLabel(chip)}`} onClick={() => onChange(removeChip(filters, index))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <span className="spacer" />
      {children}
    </div>
  );
}
