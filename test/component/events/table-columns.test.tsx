import type { SortingState } from '@tanstack/react-table';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { NormalizedEvent } from '../../../shared/records/types';
import { columnWidths } from '../../../renderer/features/events/columns';
import { EventTable } from '../../../renderer/features/events/EventTable';
import { useColumnPrefs } from '../../../renderer/features/events/useColumnPrefs';
import { eventsOf } from './events-fixture';
import { useScreenSizedLayout } from './table-env';

useScreenSizedLayout();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

function Harness({ events }: { events: NormalizedEvent[] }) {
  const columns = useColumnPrefs();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'time', desc: true }]);
  return (
    <EventTable events={events} sorting={sorting} onSortingChange={setSorting} prefs={columns.prefs} onResize={columns.resize} selection={new Set()} onSelectionChange={() => {}} activeId={null} onOpen={() => {}} />
  );
}

const cellOf = (column: string) => screen.getByTestId('event-row').querySelector(`.col-${column}`)!;

describe('event table columns', () => {
  it('gives a cell its whole text as a title, so a cut name is never read as another', () => {
    render(<Harness events={eventsOf([{ eventName: 'GetAccountAuthorizationDetails', userAgent: `aws-cli/2 ${'x'.repeat(400)}` }])} />);
    expect(cellOf('eventName').getAttribute('title')).toBe('GetAccountAuthorizationDetails');
    expect(cellOf('userAgent').getAttribute('title')).toBe(`aws-cli/2 ${'x'.repeat(400)}`);
  });

  it('shows the severity and the rule title in the flag cell, with the other rules counted', () => {
    render(<Harness events={eventsOf([{ eventName: 'StopLogging', eventSource: 'cloudtrail.amazonaws.com' }])} />);
    const flag = cellOf('flag');
    expect(flag.querySelector('.sev')!.textContent).toMatch(/^(critical|high)$/);
    expect(flag.querySelector('.flag-title')!.textContent).toMatch(/CloudTrail/);
    expect(flag.querySelector('.flag-cell')!.getAttribute('title')).toMatch(/CloudTrail logging stopped/);
  });

  it('resizes a column by dragging its edge and remembers the width', () => {
    const first = render(<Harness events={eventsOf([{}])} />);
    const header = screen.getByRole('columnheader', { name: 'Service' });
    const handle = header.querySelector('.resize-handle')!;
    fireEvent.mouseDown(handle, { clientX: 500 });
    fireEvent.mouseMove(document, { clientX: 580 });
    fireEvent.mouseUp(document, { clientX: 580 });
    const saved = JSON.parse(localStorage.getItem('trailcase.columns')!) as { sizes: Record<string, number> };
    expect(saved.sizes.service).toBe(columnWidths.service! + 80);
    first.unmount();
    render(<Harness events={eventsOf([{}])} />);
    const template = (screen.getByTestId('event-row') as HTMLElement).style.gridTemplateColumns;
    expect(template.split(' ')[4]).toBe(`${columnWidths.service! + 80}px`);
  });

  it('keeps the header operable from the keyboard: each title is a button that sorts', () => {
    render(<Harness events={eventsOf([{ eventName: 'Zeta' }, { eventName: 'Alpha' }])} />);
    const button = within(screen.getByRole('columnheader', { name: /Event name/ })).getByRole('button');
    fireEvent.click(button);
    expect(screen.getByRole('columnheader', { name: /Event name/ }).getAttribute('aria-sort')).toBe('ascending');
  });
});
