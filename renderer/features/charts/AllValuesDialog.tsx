import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';

import type { ValueCount } from '../../../shared/aggregate/top-counts';
import { cellText } from '../../../shared/display/cell-text';
import type { FilterField } from '../../../shared/filters/filter-state';
import { barsShown, pickLabel } from './chart-defs';
import type { ChartDef } from './chart-defs';

/** Rows drawn at once: a search narrows a longer list (a fetch can hold thousands of addresses). */
const maxRows = 500;

export interface AllValuesDialogProps {
  def: ChartDef;
  /** Every value of the field with its count, most frequent first. */
  values: readonly ValueCount[];
  /** Events whose value is not among the bars. */
  others: number;
  onPick(field: FilterField, value: string): void;
}

/**
 * Every value of a chart's field with its count, rare ones included, searchable; a click filters
 * to the value as a bar does. Values are untrusted: shown as text, matched as text.
 */
export function AllValuesDialog({ def, values, others, onPick }: AllValuesDialogProps) {
  const [open, setOpen] = useState(false);
  const [needle, setNeedle] = useState('');
  const rest = values.length - barsShown;
  const matches = useMemo(() => {
    const wanted = needle.trim().toLowerCase();
    return wanted ? values.filter((v) => v.value.toLowerCase().includes(wanted)) : values;
  }, [values, needle]);
  const shown = matches.slice(0, maxRows);
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setNeedle('');
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="ghost bar-others">
          {others.toLocaleString()} in {rest.toLocaleString()} other {rest === 1 ? 'value' : 'values'}: show all{' '}
          {values.length.toLocaleString()}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content all-values-dialog">
          <Dialog.Title>
            {def.title}: {values.length.toLocaleString()} values
          </Dialog.Title>
          <Dialog.Description className="muted">
            Counted in the events on view, most frequent first. Pick one to filter to it.
          </Dialog.Description>
          <input
            type="search"
            aria-label={`Find ${def.title.toLowerCase()}`}
            placeholder="find a value"
            value={needle}
            onChange={(e) => setNeedle(e.target.value)}
            autoFocus
          />
          <p className="muted all-values-count" role="status">
            {matches.length === values.length
              ? `${values.length.toLocaleString()} values`
              : `${matches.length.toLocaleString()} of ${values.length.toLocaleString()} values match`}
            {matches.length > maxRows ? `; the first ${maxRows} shown, search to narrow` : ''}
          </p>
          <ul className="value-list all-values-list" aria-label={`${def.title} and their counts`}>
            {shown.map(({ value, count }) => (
              <li key={value}>
                <button
                  type="button"
                  title={`Filter to ${cellText(value, 500)}`}
                  aria-label={pickLabel(def, value, count)}
                  onClick={() => {
                    onPick(def.field, value);
                    setOpen(false);
                    setNeedle('');
                  }}
                >
                  <span className="value-text">{cellText(value, 120)}</span>
                  <span className="bar-count">{count.toLocaleString()}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
