import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { TopCharts } from '../../../renderer/features/charts/TopCharts';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

const events = [normalizeEvent({ eventID: '1', eventName: 'GetObject', eventSource: 's3.amazonaws.com', sourceIPAddress: '203.0.113.7' })];

describe('chart tabs (the WAI-ARIA tabs pattern)', () => {
  it('names each tab by its visible label, and its panel by the tab', () => {
    render(<TopCharts events={events} onPick={() => {}} />);
    const names = screen.getAllByRole('tab').map((tab) => tab.textContent);
    expect(names).toEqual(['Events', 'Services', 'IPs', 'Agents', 'Regions', 'Errors']);
    for (const name of names) expect(screen.getByRole('tab', { name: name! })).toBeTruthy();
    expect(screen.getByRole('tabpanel', { name: 'Events' })).toBeTruthy();
  });

  it('is one tab stop: only the selected tab is in the tab order', () => {
    render(<TopCharts events={events} onPick={() => {}} />);
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
  });

  it('moves and selects with Left, Right, Home and End, wrapping at the ends', () => {
    render(<TopCharts events={events} onPick={() => {}} />);
    const first = screen.getByRole('tab', { name: 'Events' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const services = screen.getByRole('tab', { name: 'Services' });
    expect(services.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(services);
    expect(services.tabIndex).toBe(0);
    expect(screen.getByRole('tabpanel', { name: 'Services' })).toBeTruthy();
    fireEvent.keyDown(services, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Errors' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Errors' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(first.getAttribute('aria-selected')).toBe('true');
  });
});
