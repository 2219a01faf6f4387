import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Timeline } from '../../../renderer/features/timeline/Timeline';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

const hour = 3_600_000;
const t0 = Date.parse('2026-11-20T00:00:00Z');
// One event an hour from 02:00, on a day drawn in 5-minute bars.
const events = Array.from({ length: 20 }, (_, i) =>
  normalizeEvent({ eventID: String(i), eventTime: new Date(t0 + (i + 2) * hour).toISOString(), eventName: 'GetObject', readOnly: true }),
);
const day = { start: t0, end: t0 + 24 * hour };

function renderTimeline(props: { zoomed?: boolean; domain?: { start: number; end: number } } = {}) {
  const onZoom = vi.fn();
  const onResetZoom = vi.fn();
  render(
    <Timeline
      events={events}
      domain={props.domain ?? day}
      bounds={day}
      zoomed={props.zoomed ?? false}
      onZoom={onZoom}
      onResetZoom={onResetZoom}
    />,
  );
  const chart = screen.getByTestId('timeline');
  const press = (key: string, shiftKey = false) => fireEvent.keyDown(chart, { key, shiftKey });
  return { chart, press, onZoom, onResetZoom };
}

describe('the timeline from the keyboard', () => {
  it('is one tab stop that names its keys', () => {
    const { chart } = renderTimeline();
    expect(chart.tabIndex).toBe(0);
    const hint = document.getElementById(chart.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toMatch(/Enter filters to it/);
    expect(hint.textContent).toMatch(/\+ − zoom/);
  });

  it('selects the first bar with events, widens with Shift and filters to it with Enter', () => {
    const { press, onZoom } = renderTimeline();
    press('ArrowRight');
    expect(screen.getByText(/^2026-11-20 02:00:00 – 02:05:00 UTC: 1 event, 1 read/)).toBeTruthy();
    for (let i = 0; i < 12; i++) press('ArrowRight', true);
    expect(screen.getByText(/^2026-11-20 02:00:00 – 03:05:00 UTC: 2 events/)).toBeTruthy();
    press('Enter');
    expect(onZoom).toHaveBeenCalledWith({ start: t0 + 2 * hour, end: t0 + 3 * hour + 5 * 60_000 - 1 });
  });

  it('zooms in around the selection with +, and out with − until it is the whole query', () => {
    const { press, onZoom, onResetZoom } = renderTimeline({ zoomed: true, domain: { start: t0, end: t0 + 12 * hour } });
    press('End');
    press('+');
    const [{ start, end }] = onZoom.mock.lastCall!;
    expect(end - start).toBe(6 * hour);
    expect(start < t0 + 12 * hour && end > t0 + 12 * hour).toBe(true);
    press('-');
    expect(onResetZoom).toHaveBeenCalled();
  });

  it('clears the selection with Escape, then the zoom', () => {
    const { press, onResetZoom } = renderTimeline({ zoomed: true });
    press('Home');
    press('Escape');
    expect(onResetZoom).not.toHaveBeenCalled();
    expect(screen.queryByText(/Enter filters to it\.$/)).toBeNull();
    press('Escape');
    expect(onResetZoom).toHaveBeenCalled();
  });
});
