import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';

import { columnTitles, columnWidths } from '../events/columns';
import { EventRow } from '../events/EventRow';
import type { EventTableProps } from '../events/EventTable';
import { ActionRow } from './ActionRow';
import { actionItems, viewRows } from './action-items';
import './actions.css';

const rowHeight = 30;
const checkboxWidth = 36;
const rowSlots = 512;

/**
 * The event table grouped into the actions a person took in the console: each action is one
 * line that expands to its events (the usual event rows, `event-row`), and events no action
 * took stay as they are. Same props as the event table, so the two swap in place.
 */
export function ActionsTable({ events: rows, prefs, selection, onSelectionChange, activeId, onOpen }: EventTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const items = useMemo(() => actionItems(rows), [rows]);
  const view = useMemo(() => viewRows(items, expanded), [items, expanded]);
  const actionCount = useMemo(() => items.filter((item) => item.kind === 'action').length, [items]);
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1200, height: 600 },
  });
  const visible = useMemo(() => prefs.order.filter((id) => !prefs.hidden.includes(id)), [prefs]);
  const template = `${checkboxWidth}px ${visible.map((id) => `${columnWidths[id] ?? 120}px`).join(' ')}`;
  const width = checkboxWidth + visible.reduce((sum, id) => sum + (columnWidths[id] ?? 120), 0);

  const latest = useRef({ view, selection, items });
  latest.current = { view, selection, items };
  const onToggle = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const onSelectAction = useCallback(
    (id: string) => {
      const { items: all, selection: current } = latest.current;
      const item = all.find((candidate) => candidate.kind === 'action' && candidate.action.id === id);
      if (!item || item.kind !== 'action') return;
      const next = new Set(current);
      const every = item.events.every((event) => next.has(event.id));
      for (const event of item.events) {
        if (every) next.delete(event.id);
        else next.add(event.id);
      }
      onSelectionChange(next);
    },
    [onSelectionChange],
  );
  const eventAt = (index: number) => {
    const row = latest.current.view[index];
    return row?.kind === 'event' ? row.event : null;
  };
  const onRowClick = useCallback(
    (_: MouseEvent, index: number) => {
      const event = eventAt(index);
      if (event) onOpen(event);
    },
    [onOpen],
  );
  const onCheckClick = useCallback(
    (click: MouseEvent, index: number) => {
      click.stopPropagation();
      const event = eventAt(index);
      if (!event) return;
      const next = new Set(latest.current.selection);
      if (next.has(event.id)) next.delete(event.id);
      else next.add(event.id);
      onSelectionChange(next);
    },
    [onSelectionChange],
  );

  return (
    <div
      className="event-table actions-table"
      data-testid="event-table"
      // A treegrid: its action rows expand to their events (aria-expanded on a grid's row is not allowed).
      role="treegrid"
      aria-label={`Actions, ${actionCount} actions and ${view.length - actionCount} event rows`}
      aria-rowcount={view.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      ref={scroller}
    >
      <div className="table-inner" style={{ width, height: virtualizer.getTotalSize() + rowHeight }}>
        <div className="table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width }}>
          <div role="columnheader" className="cell check-cell">
            <span className="visually-hidden">Selected</span>
          </div>
          {visible.map((id) => (
            <div key={id} role="columnheader" className="cell">
              {columnTitles[id]}
            </div>
          ))}
        </div>
        {virtualizer.getVirtualItems().map((slot) => {
          const row = view[slot.index];
          if (!row) return null;
          const top = slot.start + rowHeight;
          if (row.kind === 'action') {
            const chosen = row.item.events.filter((event) => selection.has(event.id)).length;
            return (
              <ActionRow
                key={slot.index % rowSlots}
                item={row.item}
                index={slot.index}
                top={top}
                width={width}
                expanded={row.expanded}
                selected={chosen === 0 ? 'none' : chosen === row.item.events.length ? 'all' : 'some'}
                onToggle={onToggle}
                onSelect={onSelectAction}
              />
            );
          }
          return (
            <EventRow
              key={slot.index % rowSlots}
              event={row.event}
              index={slot.index}
              top={top}
              columns={visible}
              template={template}
              width={width}
              selected={selection.has(row.event.id)}
              isCursor={false}
              isActive={row.event.id === activeId}
              onRowClick={onRowClick}
              onCheckClick={onCheckClick}
            />
          );
        })}
      </div>
    </div>
  );
}
