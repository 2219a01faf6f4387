import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Timeline } from '../../../renderer/features/timeline/Timeline';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

const t0 = Date.parse('2026-11-20T00:00:00Z');
const events = Array.from({ length: 50 }, (_, i) =>
  normalizeEvent({ eventID: String(i), eventTime: new Date(t0 + i * 3_600_000).toISOString(), eventName: 'GetObject' }),
);

describe('Timeline', () => {
  it('summarises the events and the bucket width on view', () => {
    render(
      <Timeline
        events={events}
        domain={{ start: t0, end: t0 + 14 * 86_400_000 }}
        zoomed={false}
        onZoom={() => {}}
        onResetZoom={() => {}}
      />,
    );
    expect(screen.getByTestId('timeline')).toBeTruthy();
    expect(screen.getByText('50 events · 1 h per bar')).toBeTruthy();
  });

  it('re-buckets finer when zoomed to a shorter range', () => {
    render(<Timeline events={events} domain={{ start: t0, end: t0 + 86_400_000 }} zoomed onZoom={() => {}} onResetZoom={() => {}} />);
    expect(screen.getByText('25 events · 5 min per bar')).toBeTruthy();
  });

  it('offers to reset the zoom only when zoomed', () => {
    const onResetZoom = vi.fn();
    const { rerender } = render(
      <Timeline events={events} domain={{ start: t0, end: t0 + 86_400_000 }} zoomed={false} onZoom={() => {}} onResetZoom={onResetZoom} />,
    );
    expect(screen.queryByRole('button', { name: 'Reset zoom' })).toBeNull();
    rerender(<Timeline events={events} domain={{ start: t0, end: t0 + 86_400_000 }} zoomed onZoom={() => {}} onResetZoom={onResetZoom} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(onResetZoom).toHaveBeenCalled();
  });
});
