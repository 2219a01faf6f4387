import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { TopCharts } from '../../../renderer/features/charts/TopCharts';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

const events = [
  { eventName: 'GetObject', sourceIPAddress: '203.0.113.7' },
  { eventName: 'GetObject', sourceIPAddress: '198.51.100.1' },
  { eventName: 'PutObject', sourceIPAddress: '203.0.113.7', errorCode: 'AccessDenied' },
].map((fields, i) => normalizeEvent({ eventID: String(i), ...fields }));

describe('TopCharts', () => {
  it('counts the top event names', () => {
    render(<TopCharts events={events} onPick={() => {}} />);
    expect(screen.getByRole('button', { name: 'Filter Event names: GetObject (2)' })).toBeTruthy();
  });

  it('says it is busy while its counts are the previous filters’ (the charts follow the table)', () => {
    const { rerender } = render(<TopCharts events={events} pending onPick={() => {}} />);
    expect(screen.getByRole('region', { name: 'Top values' }).getAttribute('aria-busy')).toBe('true');
    rerender(<TopCharts events={events} onPick={() => {}} />);
    expect(screen.getByRole('region', { name: 'Top values' }).hasAttribute('aria-busy')).toBe(false);
  });

  it('adds a filter when a bar is clicked', () => {
    const onPick = vi.fn();
    render(<TopCharts events={events} onPick={onPick} />);
    fireEvent.click(screen.getByRole('tab', { name: 'IPs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Filter Source IPs: 203.0.113.7 (2)' }));
    expect(onPick).toHaveBeenCalledWith('sourceIPAddress', '203.0.113.7');
  });

  it('says so when a field has no values', () => {
    render(<TopCharts events={events.slice(0, 2)} onPick={() => {}} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Errors' }));
    expect(screen.getByText(/No error codes/)).toBeTruthy();
  });
});
