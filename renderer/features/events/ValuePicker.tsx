import * as Popover from '@radix-ui/react-popover';
import { useMemo, useState } from 'react';

import { countValues } from '../../../shared/aggregate/top-counts';
import type { CountField } from '../../../shared/aggregate/top-counts';
import { cellText } from '../../../shared/display/cell-text';
import { fieldValues } from '../../../shared/filters/apply-filters';
import { filterFieldLabels, filterFields } from '../../../shared/filters/filter-state';
import type { FilterChip, FilterField } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { flagsOf } from '../workspace/flags';

const maxShown = 200;

function countsOf(events: readonly NormalizedEvent[], field: FilterField) {
  if (field !== 'resource' && field !== 'ruleId' && field !== 'severity') return countValues(events, field as CountField);
  const counts = new Map<string, number>();
  for (const event of events) for (const value of new Set(fieldValues(event, field, flagsOf))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** Adds a filter: pick a field, then one of its values (with how many events have it). */
export function ValuePicker({ events, onAdd }: { events: readonly NormalizedEvent[]; onAdd(chip: FilterChip): void }) {
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<FilterField>('eventName');
  const [needle, setNeedle] = useState('');
  const [exclude, setExclude] = useState(false);
  const counts = useMemo(() => (open ? countsOf(events, field) : []), [open, events, field]);
  const shown = counts.filter((c) => c.value.toLowerCase().includes(needle.toLowerCase())).slice(0, maxShown);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button type="button">+ Filter</button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover value-picker" align="start" sideOffset={4} aria-label="Add a filter">
          <div className="row">
            <select aria-label="Field" value={field} onChange={(e) => setField(e.target.value as FilterField)}>
              {filterFields.map((f) => (
                <option key={f} value={f}>
                  {filterFieldLabels[f]}
                </option>
              ))}
            </select>
            <input aria-label="Find a value" placeholder="find a value" value={needle} onChange={(e) => setNeedle(e.target.value)} />
            <label className="check">
              <input type="checkbox" checked={exclude} onChange={(e) => setExclude(e.target.checked)} /> exclude
            </label>
          </div>
          <ul className="value-list" aria-label="Values">
            {shown.map(({ value, count }) => (
              <li key={value}>
                <button
                  type="button"
                  onClick={() => {
                    onAdd({ field, value, exclude });
                    setOpen(false);
                  }}
                >
                  <span className="value-text">{cellText(value, 120)}</span>
                  <span className="bar-count">{count.toLocaleString()}</span>
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="muted">No values.</li>}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
