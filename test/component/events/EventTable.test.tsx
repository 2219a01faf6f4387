import type { SortingState } from '@tanstack/react-table';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { NormalizedEvent } from '../../../shared/records/types';
import { defaultColumnOrder } from '../../../renderer/features/events/columns';
import { EventTable } from '../../../renderer/features/events/EventTable';
import { sortEvents } from '../../../renderer/features/events/sort-events';
import { eventsOf } from './events-fixture';
import { useScreenSizedLayout } from './table-env';

useScreenSizedLayout();
afterEach(cleanup);

function Harness({ events, onOpen = () => {} }: { events: NormalizedEvent[]; onOpen?: (e: NormalizedEvent) => void }) {
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [sorting, setSorting] = useState<SortingState>([{ id: 'time', desc: true }]);
  return (
    <>
      <output aria-label="selection">{[...selection].sort().join(',')}</output>
      <EventTable events={sortEvents(events, sorting)} sorting={sorting} onSortingChange={setSorting} prefs={{ order: defaultColumnOrder, hidden: [] }} selection={selection} onSelectionChange={setSelection} activeId={null} onOpen={onOpen} />
    </>
  );
}

const selectionText = () => screen.getByLabelText('selection').textContent;

describe('EventTable', () => {
  it('shows one event-row per visible event, newest first', () => {
    render(<Harness events={eventsOf([{}, {}, {}])} />);
    const rows = screen.getAllByTestId('event-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Event2');
  });

  it('shows hostile text literally, with bidi and control characters made visible', () => {
    const { container } = render(<Harness events={eventsOf([{ userAgent: '<img src=x onerror=alert(1)>\u202Eevil\u0000' }])} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('event-row').textContent).toContain('<img src=x onerror=alert(1)>⟨U+202E⟩evil⟨U+0000⟩');
  });

  it('selects a range with shift-click', () => {
    render(<Harness events={eventsOf([{}, {}, {}, {}])} />);
    const boxes = screen.getAllByRole('checkbox', { name: /^Select/ });
    fireEvent.click(boxes[0]!);
    fireEvent.click(boxes[2]!, { shiftKey: true });
    expect(selectionText()).toBe('e1,e2,e3');
  });

  it('moves with the arrows, selects with space, opens with Enter and clears with Esc', () => {
    const onOpen = vi.fn();
    render(<Harness events={eventsOf([{}, {}, {}])} onOpen={onOpen} />);
    const grid = screen.getByTestId('event-table');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: ' ' });
    expect(selectionText()).toBe('e1');
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'e1' }));
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(selectionText()).toBe('');
  });

  it('sorts by a column when its header is clicked', () => {
    render(<Harness events={eventsOf([{ eventName: 'Zeta' }, { eventName: 'Alpha' }, { eventName: 'Mid' }])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Event name' }));
    const names = screen.getAllByTestId('event-row').map((row) => within(row).getAllByRole('gridcell')[3]!.textContent);
    expect(names).toEqual(['Alpha', 'Mid', 'Zeta']);
  });

  it('marks an unparseable record with a badge and keeps the other rows', () => {
    const events = [...eventsOf([{}]), ...eventsOf([{}]).map(() => ({ ...eventsOf([{}])[0]!, id: 'bad', record: null, raw: '{oops', parseError: 'bad json', eventName: '' }))];
    render(<Harness events={events} />);
    expect(screen.getAllByTestId('event-row')).toHaveLength(2);
    expect(screen.getByText('unparseable')).toBeTruthy();
  });
});
