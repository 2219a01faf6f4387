import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { TopCharts } from '../../../renderer/features/charts/TopCharts';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

// Ten names seen ten times each, and three rare ones seen once: the rare ones are past the bars.
const names = [
  ...Array.from({ length: 10 }, (_, i) => Array<string>(10).fill(`Common${i}`)).flat(),
  'StopLogging',
  'DeleteTrail',
  '<img src=x onerror=alert(1)>',
];
const events = names.map((eventName, i) => normalizeEvent({ eventID: String(i), eventName }));

function openAll() {
  fireEvent.click(screen.getByRole('button', { name: /other values: show all 13/ }));
  return screen.getByRole('dialog', { name: 'Event names: 13 values' });
}

describe('every value of a chart, rare ones included', () => {
  it('says how many events are past the bars, as a button', () => {
    render(<TopCharts events={events} onPick={() => {}} />);
    expect(screen.getByRole('button', { name: '23 in 5 other values: show all 13' })).toBeTruthy();
  });

  it('opens the full list with counts, as a named dialog', () => {
    render(<TopCharts events={events} onPick={() => {}} />);
    const dialog = openAll();
    expect(within(dialog).getAllByRole('button', { name: /^Filter Event names/ })).toHaveLength(13);
    expect(within(dialog).getByRole('button', { name: 'Filter Event names: StopLogging (1)' })).toBeTruthy();
  });

  it('narrows the list as the analyst types, and shows untrusted values as text', () => {
    render(<TopCharts events={events} onPick={() => {}} />);
    const dialog = openAll();
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Find event names' }), { target: { value: 'IMG' } });
    const rows = within(dialog).getAllByRole('button', { name: /^Filter Event names/ });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(dialog.querySelector('img')).toBeNull();
    expect(within(dialog).getByRole('status').textContent).toBe('1 of 13 values match');
  });

  it('filters to a rare value when it is picked, and closes', () => {
    const onPick = vi.fn();
    render(<TopCharts events={events} onPick={onPick} />);
    const dialog = openAll();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Filter Event names: DeleteTrail (1)' }));
    expect(onPick).toHaveBeenCalledWith('eventName', 'DeleteTrail');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
