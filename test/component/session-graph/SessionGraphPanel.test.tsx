import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { applyFilters } from '../../../shared/filters/apply-filters';
import { emptyFilters } from '../../../shared/filters/filter-state';
import type { FilterState } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { SessionGraphPanel } from '../../../renderer/features/session-graph/SessionGraphPanel';
import { asRole, asUser, call, newKey, ownerKey, roleKey, storyEvents, tokenKey } from '../../unit/session-graph/fixture';

/** The panel beside what the workspace would show: the names of the events the filters let through. */
function Harness({ events }: { events: NormalizedEvent[] }) {
  const [filters, setFilters] = useState<FilterState>(emptyFilters);
  return (
    <>
      <SessionGraphPanel events={events} filters={filters} onFiltersChange={setFilters} />
      <output aria-label="shown">{applyFilters(events, filters, () => []).map((e) => e.eventName).join(',')}</output>
      <output aria-label="chips">{filters.chips.map((c) => `${c.field}=${c.value}`).join(',')}</output>
    </>
  );
}

afterEach(cleanup);

function open(events: NormalizedEvent[]) {
  render(<Harness events={events} />);
  fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
}

describe('SessionGraphPanel', () => {
  it('builds nothing until opened, then draws a button per node with its events', () => {
    render(<Harness events={storyEvents()} />);
    expect(screen.queryByRole('button', { name: /^Session / })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    expect(screen.getByRole('button', { name: `Session ${roleKey}: 2 events, 2 flagged, top critical` })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^User jmorales: 10 events/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Role prod-admin: 2 events/ })).toBeTruthy();
  });

  it('sets the filter to the clicked node’s keys, moves it on another click, and lifts it on a second click', () => {
    open(storyEvents());
    const session = screen.getByRole('button', { name: new RegExp(`^Session ${roleKey}`) });
    fireEvent.click(session);
    expect(screen.getByLabelText('chips').textContent).toBe(`accessKeyId=${roleKey}`);
    expect(screen.getByLabelText('shown').textContent).toBe('ListBuckets,StopLogging');
    expect(session.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Key ${newKey}`) }));
    expect(screen.getByLabelText('chips').textContent).toBe([newKey, roleKey, tokenKey].sort().map((k) => `accessKeyId=${k}`).join(','));
    expect(session.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Key ${newKey}`) }));
    expect(screen.getByLabelText('chips').textContent).toBe('');
    expect(screen.getByLabelText('shown').textContent?.split(',')).toHaveLength(10);
  });

  it('shows hostile names as text, with hidden characters made visible', () => {
    const hostile = '<img src=x onerror=alert(1)>\u202Eevil';
    const events = [
      call(0, 'ListUsers', asUser(ownerKey, hostile, `arn:aws:iam::111111111111:user/${hostile}`)),
      call(1, 'ListRoles', asRole(roleKey, 'arn:aws:iam::222222222222:role/"><svg onload=alert(2)>')),
    ];
    const { container } = render(<Harness events={events} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    expect(container.querySelector('img, svg[onload], [onerror]')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>⟨U+202E⟩evil')).toBeTruthy();
    expect(screen.getByText('"><svg onload=alert(2)>')).toBeTruthy();
  });
});
