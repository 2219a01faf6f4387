import { memo } from 'react';
import type { MouseEvent } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import { cellRenderers, cellTitle } from './columns';

export interface EventRowProps {
  event: NormalizedEvent;
  index: number;
  /** Where the row sits below the top of the grid, in pixels, for a row placed on its own (the event grid's rows stack in a moving block instead). */
  top?: number;
  columns: readonly string[];
  template: string;
  width: number;
  selected: boolean;
  isCursor: boolean;
  isActive: boolean;
  /** Stable across renders (the table routes them to its current state), so memo holds. */
  onRowClick(event: MouseEvent, index: number): void;
  onCheckClick(event: MouseEvent, index: number): void;
}

/**
 * One row of the event table. Memoised: only rows whose event or state changed render again;
 * the table keys rows by their place in view, so scrolling updates the same DOM nodes (their
 * text, title and position) rather than building new ones.
 */
export const EventRow = memo(function EventRow(props: EventRowProps) {
  const { event, index } = props;
  const classes = ['table-row', props.selected && 'selected', props.isCursor && 'cursor', props.isActive && 'active', event.parseError && 'unparseable'];
  const when = Number.isNaN(event.time) ? 'unknown time' : new Date(event.time).toISOString();
  return (
    <div
      id={`event-row-${index}`}
      data-testid="event-row"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      className={classes.filter(Boolean).join(' ')}
      style={{ gridTemplateColumns: props.template, width: props.width, transform: props.top === undefined ? undefined : `translateY(${props.top}px)` }}
      onClick={(e) => props.onRowClick(e, index)}
    >
      <div role="gridcell" className="cell check-cell">
        <input
          type="checkbox"
          aria-label={`Select ${cellText(event.eventName) || 'event'} at ${when}`}
          checked={props.selected}
          tabIndex={-1}
          onClick={(e) => props.onCheckClick(e, index)}
          onChange={() => {}}
        />
      </div>
      {props.columns.map((id, column) => (
        <div key={id} role="gridcell" className={column === 0 ? `cell col-${id} pinned` : `cell col-${id}`} title={cellTitle(id, event)}>
          {cellRenderers[id]?.(event)}
        </div>
      ))}
    </div>
  );
});
