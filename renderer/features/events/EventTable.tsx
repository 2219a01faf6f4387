import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import { columnTitles, columnWidths, eventColumns } from './columns';
import type { ColumnPrefs } from './useColumnPrefs';
import './events.css';

export const rowHeight = 30;
const checkboxWidth = 36;

export interface EventTableProps {
  /** The rows, already in table order (see sortEvents). */
  events: readonly NormalizedEvent[];
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
  prefs: ColumnPrefs;
  selection: ReadonlySet<string>;
  onSelectionChange(next: Set<string>): void;
  activeId: string | null;
  onOpen(event: NormalizedEvent): void;
}

/**
 * The events as a sortable, virtualised grid: only the rows in view are in the page, so 100,000
 * events scroll smoothly. Keyboard: arrows move, space selects, Enter opens, Esc clears the
 * selection. Shift-click selects a range, Ctrl/Cmd-click toggles one row.
 */
export function EventTable({ events: rows, sorting, onSortingChange, prefs, selection, onSelectionChange, activeId, onOpen }: EventTableProps) {
  const [cursor, setCursor] = useState(0);
  const anchor = useRef<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // initialRect: the first render already shows a screenful of rows, before the grid is measured.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1200, height: 600 },
  });
  const visible = prefs.order.filter((id) => !prefs.hidden.includes(id));
  // The table library sees only the rows in view: building its row model for 100,000 rows on
  // every keystroke would cost more than the whole frame budget. Sorting is ours (manualSorting).
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const windowRows = useMemo(() => rows.slice(first, (items[items.length - 1]?.index ?? -1) + 1), [rows, first, items]);
  const table = useReactTable({
    data: windowRows,
    columns: eventColumns,
    state: { sorting, columnOrder: visible, columnVisibility: Object.fromEntries(prefs.hidden.map((id) => [id, false])) },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    manualSorting: true,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
  });
  const tableRows = table.getRowModel().rows;
  const template = `${checkboxWidth}px ${visible.map((id) => `${columnWidths[id] ?? 120}px`).join(' ')}`;
  const width = checkboxWidth + visible.reduce((sum, id) => sum + (columnWidths[id] ?? 120), 0);

  const safeCursor = Math.min(cursor, Math.max(rows.length - 1, 0));

  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(safeCursor, { align: 'auto' });
  }, [safeCursor, rows.length, virtualizer]);

  const selectRange = (to: number) => {
    const from = anchor.current ?? to;
    const next = new Set(selection);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(rows[i]!.id);
    onSelectionChange(next);
  };
  const toggle = (index: number) => {
    const next = new Set(selection);
    const id = rows[index]!.id;
    if (next.has(id)) next.delete(id);
    else next.add(id);
    anchor.current = index;
    onSelectionChange(next);
  };
  const clickRow = (event: MouseEvent, index: number) => {
    setCursor(index);
    if (event.shiftKey) selectRange(index);
    else if (event.ctrlKey || event.metaKey) toggle(index);
    else {
      anchor.current = index;
      onOpen(rows[index]!);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (rows.length === 0) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20, Home: -Infinity, End: Infinity };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, safeCursor + moves[event.key]!));
      setCursor(next);
      if (event.shiftKey) selectRange(next);
      else anchor.current = next;
    } else if (event.key === ' ') {
      event.preventDefault();
      toggle(safeCursor);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(rows[safeCursor]!);
    } else if (event.key === 'Escape') {
      onSelectionChange(new Set());
    }
  };

  return (
    <div
      className="event-table"
      data-testid="event-table"
      role="grid"
      aria-label={`Events, ${rows.length} rows`}
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      ref={scroller}
      onKeyDown={onKeyDown}
      aria-activedescendant={rows.length > 0 ? `event-row-${safeCursor}` : undefined}
    >
      <div className="table-inner" style={{ width, height: virtualizer.getTotalSize() + rowHeight }}>
        <div className="table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width }}>
          <div role="columnheader" className="cell check-cell">
            <span className="visually-hidden">Selected</span>
          </div>
          {table.getFlatHeaders().map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <div key={header.id} role="columnheader" className="cell" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                  {columnTitles[header.id]}
                  {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                </button>
              </div>
            );
          })}
        </div>
        {items.map((item) => {
          const row = tableRows[item.index - first];
          if (!row) return null;
          const event = row.original;
          const selected = selection.has(event.id);
          const classes = ['table-row', selected && 'selected', item.index === safeCursor && 'cursor', event.id === activeId && 'active', event.parseError && 'unparseable'];
          return (
            <div
              key={row.id}
              id={`event-row-${item.index}`}
              data-testid="event-row"
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              className={classes.filter(Boolean).join(' ')}
              style={{ gridTemplateColumns: template, width, transform: `translateY(${item.start + rowHeight}px)` }}
              onClick={(e) => clickRow(e, item.index)}
            >
              <div role="gridcell" className="cell check-cell">
                <input
                  type="checkbox"
                  aria-label={`Select ${cellText(event.eventName) || 'event'} at ${Number.isNaN(event.time) ? 'unknown time' : new Date(event.time).toISOString()}`}
                  checked={selected}
                  tabIndex={-1}
                  onClick={(e) => {
                    e.stopPropagation();
                    setCursor(item.index);
                    if (e.shiftKey) selectRange(item.index);
                    else toggle(item.index);
                  }}
                  onChange={() => {}}
                />
              </div>
              {row.getVisibleCells().map((cell) => (
                <div key={cell.id} role="gridcell" className={`cell col-${cell.column.id}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
