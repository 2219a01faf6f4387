import type { SortingState } from '@tanstack/react-table';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { emptyFilters } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { setEventViewMode } from '../../../renderer/features/actions/view-mode';
import { defaultColumnOrder } from '../../../renderer/features/events/columns';
import { EventTable } from '../../../renderer/features/events/EventTable';
import { FilterBar } from '../../../renderer/features/events/FilterBar';
import { sortEvents } from '../../../renderer/features/events/sort-events';
import { events, page } from '../../unit/console-actions/builder';
import { useScreenSizedLayout } from '../events/table-env';

useScreenSizedLayout();
afterEach(() => {
  cleanup();
  setEventViewMode('events');
});

function Harness({ rows }: { rows: NormalizedEvent[] }) {
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [sorting, setSorting] = useState<SortingState>([{ id: 'time', desc: false }]);
  return (
    <>
      <FilterBar filters={emptyFilters} onChange={() => {}} events={rows} searchRef={createRef()} />
      <output aria-label="selection">{selection.size}</output>
      <EventTable events={sortEvents(rows, sorting)} sorting={sorting} onSortingChange={setSorting} prefs={{ order: defaultColumnOrder, hidden: [] }} selection={selection} onSelectionChange={setSelection} activeId={null} onOpen={() => {}} />
    </>
  );
}

/** A user page (4 calls), a call no page explains, then an access key created for `name`. */
function session(name = 'svc-backup'): NormalizedEvent[] {
  return events([
    ...page('iam:GetUser iam:ListAttachedUserPolicies iam:ListUserPolicies iam:ListGroupsForUser', { userName: 'dana.reyes' }, 0, 1000),
    { key: 'sts:GetCallerIdentity', at: 30_000, params: {} },
    { key: 'iam:CreateAccessKey', at: 60_000, params: { userName: name } },
  ]);
}

describe('the Actions / Events toggle of the event table', () => {
  it('shows actions instead of their events, and the events again', () => {
    render(<Harness rows={session()} />);
    expect(screen.getAllByTestId('event-row')).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
    const actions = screen.getAllByTestId('action-row');
    expect(actions.map((row) => within(row).getByRole('button', { expanded: false }).textContent)).toEqual([
      '▸Opened IAM › Users › dana.reyes',
      '▸Created access key for svc-backup',
    ]);
    // Only the call no action took is still an event row.
    expect(screen.getAllByTestId('event-row').map((row) => row.textContent)).toEqual([expect.stringContaining('GetCallerIdentity')]);
    fireEvent.click(screen.getByRole('button', { name: 'Events' }));
    expect(screen.queryAllByTestId('action-row')).toHaveLength(0);
    expect(screen.getAllByTestId('event-row')).toHaveLength(6);
  });

  it('expands an action to its events, and folds it back', () => {
    render(<Harness rows={session()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
    fireEvent.click(screen.getByRole('button', { name: /Opened IAM › Users › dana\.reyes/ }));
    const rows = screen.getAllByTestId('event-row').map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 4).map((text) => /GetUser|ListAttachedUserPolicies|ListUserPolicies|ListGroupsForUser/.test(text))).toEqual([true, true, true, true]);
    fireEvent.click(screen.getByRole('button', { name: /Opened IAM › Users › dana\.reyes/ }));
    expect(screen.getAllByTestId('event-row')).toHaveLength(1);
  });

  it('selects every event of an action from its checkbox', () => {
    render(<Harness rows={session()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Select the 4 events of Opened IAM/ }));
    expect(screen.getByLabelText('selection').textContent).toBe('4');
  });

  it('shows a hostile resource name in an action literally (promise 8)', () => {
    const { container } = render(<Harness rows={session('<img src=x onerror=alert(1)>\u202Eevil')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByTestId('action-row')[1]!.textContent).toContain('Created access key for <img src=x onerror=alert(1)>⟨U+202E⟩evil');
  });
});
