import { describe, expect, it } from 'vitest';

import { checkboxWidth, columnLayout } from '../../../renderer/features/events/column-layout';
import { columnWidths } from '../../../renderer/features/events/columns';

const sum = (widths: Record<string, number>) => Object.values(widths).reduce((a, b) => a + b, 0);

describe('columnLayout', () => {
  it('keeps the columns at their widths when the grid is narrower than they are (the grid scrolls)', () => {
    const layout = columnLayout(['time', 'eventName', 'userAgent'], {}, 300);
    expect(layout.widths).toEqual({ time: columnWidths.time, eventName: columnWidths.eventName, userAgent: columnWidths.userAgent });
    expect(layout.template).toBe(`${checkboxWidth}px ${columnWidths.time}px ${columnWidths.eventName}px ${columnWidths.userAgent}px`);
  });

  it('fills a wide grid to its edge, giving the room to the text columns and none to Time', () => {
    const layout = columnLayout(['time', 'eventName', 'userAgent'], {}, 1900);
    expect(layout.width).toBe(1900);
    expect(checkboxWidth + sum(layout.widths)).toBe(1900);
    expect(layout.widths.time).toBe(columnWidths.time);
    expect(layout.widths.eventName).toBeGreaterThan(columnWidths.eventName!);
    expect(layout.widths.userAgent).toBeGreaterThan(columnWidths.userAgent!);
  });

  it('leaves a column the analyst sized at that size and shares the room among the others', () => {
    const layout = columnLayout(['time', 'eventName', 'userAgent'], { eventName: 90 }, 1900);
    expect(layout.widths.eventName).toBe(90);
    expect(checkboxWidth + sum(layout.widths)).toBe(1900);
  });
});
