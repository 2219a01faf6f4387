import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { bucketEvents } from '../../../shared/aggregate/timeline';
import { BarsChart } from '../../../renderer/features/timeline/BarsChart';
import { flagSeverity } from '../../../renderer/features/timeline/flag-severity';
import { TimeAxis } from '../../../renderer/features/timeline/TimeAxis';
import { TimelineTooltip } from '../../../renderer/features/timeline/TimelineTooltip';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

const t0 = Date.parse('2026-11-20T10:00:00Z');
const hour = 3_600_000;
const day = 24 * hour;

/** Eight writes in one hour, three of them flagged (two medium, one high), and one read. */
function mixedBucket() {
  const names = ['PutObject', 'PutObject', 'PutObject', 'PutObject', 'PutObject', 'GetSecretValue', 'GetSecretValue', 'CreateAccessKey'];
  const events = names.map((eventName, i) =>
    normalizeEvent({
      eventID: `w${i}`,
      eventTime: new Date(t0 + i * 1000).toISOString(),
      eventName,
      eventSource:
        eventName === 'CreateAccessKey'
          ? 'iam.amazonaws.com'
          : eventName === 'PutObject'
            ? 's3.amazonaws.com'
            : 'secretsmanager.amazonaws.com',
      readOnly: false,
    }),
  );
  events.push(
    normalizeEvent({
      eventID: 'r',
      eventTime: new Date(t0 + 9000).toISOString(),
      eventName: 'GetObject',
      eventSource: 's3.amazonaws.com',
      readOnly: true,
    }),
  );
  return bucketEvents(events, { start: t0, end: t0 + hour - 1 }, flagSeverity).buckets.find((b) => b.total > 0)!;
}

describe('timeline bars and tooltip', () => {
  it('counts a flagged write as a write in the tooltip, and says how many are flagged by severity', () => {
    render(<TimelineTooltip bucket={mixedBucket()} />);
    expect(screen.getByText('1 read · 8 write · 0 error')).toBeTruthy();
    expect(screen.getByText('3 flagged: 1 high · 2 medium')).toBeTruthy();
  });

  it('draws the flag mark in the colour of the highest severity, not always the critical one', () => {
    const { container } = render(<BarsChart rows={[mixedBucket()]} width={200} height={136} onPointer={() => {}} />);
    const marks = [...container.querySelectorAll('.flag-mark')];
    expect(marks.map((mark) => mark.getAttribute('fill'))).toEqual(['var(--sev-high)']);
  });

  it('stacks read, write and error to the whole bar, flagged events included', () => {
    // 100 px of plot (14 above, 22 of time axis below) for a count axis topped at 10: 10 px an event.
    const { container } = render(<BarsChart rows={[mixedBucket()]} width={200} height={136} onPointer={() => {}} />);
    const height = (stack: string) => Number(/v([\d.]+)/.exec(container.querySelector(`.stack.${stack}`)!.getAttribute('d')!)?.[1] ?? 0);
    expect([height('read'), height('write'), height('error')]).toEqual([10, 80, 0]);
  });

  it('keeps the flag mark inside the chart when the bar reaches the top of the axis', () => {
    const { container } = render(<BarsChart rows={[mixedBucket()]} width={200} height={136} onPointer={() => {}} />);
    const top = Number(/^M[\d.]+,([\d.]+)/.exec(container.querySelector('.flag-mark')!.getAttribute('d')!)![1]);
    expect(top).toBeGreaterThanOrEqual(0);
  });

  it('shows the bar under the pointer in a tooltip, and reports the bar to the drag handler', () => {
    const onPointer = vi.fn();
    const { container } = render(<BarsChart rows={[mixedBucket()]} width={200} height={136} onPointer={onPointer} />);
    fireEvent.mouseMove(container.querySelector('svg')!, { clientX: 100 });
    expect(screen.getByText('9 events')).toBeTruthy();
    expect(onPointer).toHaveBeenCalledWith('move', 0);
    fireEvent.mouseLeave(container.querySelector('svg')!);
    expect(screen.queryByText('9 events')).toBeNull();
  });
});

describe('the time axis', () => {
  const labels = () =>
    screen
      .getAllByText(/./)
      .filter((el) => el.classList.contains('tick'))
      .map((el) => el.textContent);

  it('puts a week at 1920 px on 12-hour ticks, with each date once at its midnight', () => {
    const start = Date.parse('2026-11-25T04:00:00Z');
    render(<TimeAxis start={start} end={start + 7 * day} width={1400} />);
    const shown = labels();
    expect(shown.slice(0, 4)).toEqual(['Nov 25 12:00', 'Nov 26', '12:00', 'Nov 27']);
    const dates = shown.filter((text) => /^Nov|^Dec/.test(text!));
    expect(new Set(dates).size).toBe(dates.length);
    expect(shown.filter((text) => !/^Nov|^Dec/.test(text!)).every((text) => text === '12:00')).toBe(true);
  });

  it('uses nice minute steps in a zoomed hour', () => {
    const start = Date.parse('2026-11-29T23:10:00Z');
    render(<TimeAxis start={start} end={start + hour} width={800} />);
    expect(labels()).toEqual(['Nov 29 23:15', '23:30', '23:45', 'Nov 30']);
  });
});
