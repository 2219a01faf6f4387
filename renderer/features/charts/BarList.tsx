import { useMemo } from 'react';

import { countValues } from '../../../shared/aggregate/top-counts';
import { cellText } from '../../../shared/display/cell-text';
import type { FilterField } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { measured } from '../workspace/measure';
import { AllValuesDialog } from './AllValuesDialog';
import { barsShown, pickLabel } from './chart-defs';
import type { ChartDef } from './chart-defs';

export interface BarListProps {
  events: readonly NormalizedEvent[];
  def: ChartDef;
  onPick(field: FilterField, value: string): void;
}

/**
 * Top values of one field as horizontal bars; each bar is a button that adds a filter. The values
 * are counted once: the bars are the first few, and the rest open as a searchable list.
 */
export function BarList({ events, def, onPick }: BarListProps) {
  const all = useMemo(() => measured('chart counts', () => countValues(events, def.field)), [events, def.field]);
  const top = all.slice(0, barsShown);
  const max = top[0]?.count ?? 1;
  if (top.length === 0) return <p className="muted chart-empty">No {def.title.toLowerCase()} in the events on view.</p>;
  const others = all.slice(barsShown).reduce((sum, item) => sum + item.count, 0);
  return (
    <>
      <ol className="bar-list">
        {top.map(({ value, count }) => (
          <li key={value}>
            <button
              type="button"
              className="bar-row"
              title={`Filter to ${cellText(value, 500)}`}
              aria-label={pickLabel(def, value, count)}
              onClick={() => onPick(def.field, value)}
            >
              <span className="bar-fill" style={{ width: `${(count / max) * 100}%` }} />
              <span className="bar-label">{cellText(value, 80)}</span>
              <span className="bar-count">{count.toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ol>
      {others > 0 && <AllValuesDialog def={def} values={all} others={others} onPick={onPick} />}
    </>
  );
}
