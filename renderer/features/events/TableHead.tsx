import type { Table } from '@tanstack/react-table';
import { useRef } from 'react';
import type { FocusEvent, RefObject } from 'react';

import type { NormalizedEvent } from '../../../shared/records/types';
import type { ColumnLayout } from './column-layout';
import { columnTitles } from './columns';

export interface TableHeadProps {
  table: Table<NormalizedEvent>;
  layout: ColumnLayout;
  /** The grid's scroll container: tabbing through the headers scrolls it sideways. */
  scroller: RefObject<HTMLDivElement | null>;
}

const sortNames = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The header row: each title is a sort button, each column's right edge a drag handle that
 * resizes it (double-click gives back the default). Tabbing through the titles scrolls the grid
 * to each in turn; once focus leaves the header the grid goes back to where it was, so the Time
 * column the analyst was reading is in view again.
 */
export function TableHead({ table, layout, scroller }: TableHeadProps) {
  const scrollBefore = useRef<number | null>(null);
  const onFocus = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) scrollBefore.current = scroller.current?.scrollLeft ?? null;
  };
  const onBlur = (event: FocusEvent) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (scroller.current && scrollBefore.current !== null) scroller.current.scrollLeft = scrollBefore.current;
    scrollBefore.current = null;
  };
  return (
    <div className="table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: layout.template, width: layout.width }} onFocus={onFocus} onBlur={onBlur}>
      <div role="columnheader" className="cell check-cell">
        <span className="visually-hidden">Selected</span>
      </div>
      {table.getFlatHeaders().map((header, index) => {
        const sorted = header.column.getIsSorted();
        const title = columnTitles[header.id] ?? header.id;
        const resizing = header.column.getIsResizing();
        return (
          <div key={header.id} role="columnheader" className={index === 0 ? 'cell head-cell pinned' : 'cell head-cell'} aria-sort={sorted ? sortNames[sorted] : 'none'}>
            {header.column.getCanSort() ? (
              <button type="button" className="sort-button" title={title} onClick={header.column.getToggleSortingHandler()}>
                {title}
                {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
              </button>
            ) : (
              <span className="head-title" title={title}>
                {title}
              </span>
            )}
            {/* A pointer's handle: hidden from assistive technology so the header's name stays its title. */}
            <div
              aria-hidden="true"
              className={resizing ? 'resize-handle resizing' : 'resize-handle'}
              onMouseDown={header.getResizeHandler()}
              onTouchStart={header.getResizeHandler()}
              onDoubleClick={() => header.column.resetSize()}
              onClick={(event) => event.stopPropagation()}
            />
          </div>
        );
      })}
    </div>
  );
}
