import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';

import type { NormalizedEvent } from '../../../shared/records/types';
import { ActionsTable } from '../actions/ActionsTable';
import { useEventViewMode } from '../actions/view-mode';
import { checkboxWidth, columnLayout, maxColumnWidth, minColumnWidth } from './column-layout';
import { eventColumns } from './columns';
import { EventRow } from './EventRow';
import { TableHead } from './TableHead';
import type { ColumnPrefs } from './useColumnPrefs';
import { useElementWidth } from './useElementWidth';
import './events.css';

export const rowHeight = 30;
const noSizes: Record<string, number> = {};
const noRows: NormalizedEvent[] = [];

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
  /** The analyst dragged a column's edge: the widths to remember (see useColumnPrefs). */
  onResize?(sizes: Record<string, number>): void;
}

/** The events, raw or grouped into console actions, as the toolbar's Actions / Events toggle says. */
export function EventTable(props: EventTableProps) {
  return useEventViewMode() === 'actions' ? <ActionsTable {...props} /> : <EventGrid {...props} />;
}

/**
 * The events as a sortable, virtualised grid: only the rows in view are in the page, so 100,000
 * events scroll smoothly. Keyboard: arrows move, space selects, Enter opens, Esc clears the
 * selection. Shift-click selects a range, Ctrl/Cmd-click toggles one row.
 */
function EventGrid({ events: rows, sorting, onSortingChange, prefs, selection, onSelectionChange, activeId, onOpen, onResize }: EventTableProps) {
  const [cursor, setCursor] = useState(0);
  const anchor = useRef<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // initialRect: the first render already shows a screenful of rows, before the grid is measured.
  // Overscan: a few rows beyond each edge for the arrow keys and a wheel's small steps; every row
  // more is rendered, laid out and painted on each scroll frame (a fast scroll jumps past any overscan).
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 5,
    initialRect: { width: 1200, height: 600 },
  });
  const visible = useMemo(() => prefs.order.filter((id) => !prefs.hidden.includes(id)), [prefs]);
  const sizes = prefs.sizes ?? noSizes;
  const available = useElementWidth(scroller, 1200);
  const layout = useMemo(() => columnLayout(visible, sizes, available), [visible, sizes, available]);
  // Each column's size is the width it is drawn at, so a drag starts from what the analyst sees.
  const columns = useMemo(() => eventColumns.map((column) => ({ ...column, size: layout.widths[column.id!] ?? 120, minSize: minColumnWidth, maxSize: maxColumnWidth })), [layout]);
  // The table library keeps the columns: order, visibility, sizing, sorting state and headers.
  // Rows are drawn by EventRow straight from the events in view (sorting is ours, see
  // sortEvents), since building the library's row model for every scroll step costs more than
  // the rows themselves.
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const table = useReactTable({
    data: noRows,
    columns,
    state: { sorting, columnOrder: visible, columnVisibility: Object.fromEntries(prefs.hidden.map((id) => [id, false])), columnSizing: sizes },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    onColumnSizingChange: (updater) => onResize?.(typeof updater === 'function' ? updater(sizes) : updater),
    columnResizeMode: 'onChange',
    enableColumnResizing: onResize !== undefined,
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
  });
  const { template, width } = layout;

  const safeCursor = Math.min(cursor, Math.max(rows.length - 1, 0));

  // Follow the cursor when it moves, and only then: new pages streaming in or a filter that
  // changes the row count must not pull the view back to it.
  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(Math.min(cursor, rows.length - 1), { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on cursor moves alone, see above
  }, [cursor, virtualizer]);

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
  const checkClick = (event: MouseEvent, index: number) => {
    event.stopPropagation();
    setCursor(index);
    if (event.shiftKey) selectRange(index);
    else toggle(index);
  };
  const latest = useRef({ clickRow, checkClick });
  latest.current = { clickRow, checkClick };
  const onRowClick = useCallback((event: MouseEvent, index: number) => latest.current.clickRow(event, index), []);
  const onCheckClick = useCallback((event: MouseEvent, index: number) => latest.current.checkClick(event, index), []);

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys on a header's button are the button's (Enter and Space sort): only the grid's own are handled here.
    if (rows.length === 0 || event.target !== event.currentTarget) return;
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
      // Focus scrolls things into view beside the pinned checkbox and first column, not under them.
      style={{ scrollPaddingLeft: checkboxWidth + (layout.widths[visible[0] ?? ''] ?? 0), scrollPaddingTop: rowHeight }}
    >
      <div className="table-inner" style={{ width, height: virtualizer.getTotalSize() + rowHeight }}>
        <TableHead table={table} layout={layout} scroller={scroller} />
        {/* One moving block of rows: a scroll step changes this block's transform and the rows'
            text, never the rows' own style, so the browser restyles one element, not every row. */}
        <div className="table-rows" role="rowgroup" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const event = rows[item.index];
            if (!event) return null;
            return (
              <EventRow
                // Keyed by place in view, not by event: scrolling re-fills the same row elements,
                // in the same document order, so the browser restyles none of them (building
                // new rows' styles was half of a scroll frame) and moves none.
                key={item.index - firstIndex}
                event={event}
                index={item.index}
                columns={visible}
                template={template}
                width={width}
                selected={selection.has(event.id)}
                isCursor={item.index === safeCursor}
                isActive={event.id === activeId}
                onRowClick={onRowClick}
                onCheckClick={onCheckClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
