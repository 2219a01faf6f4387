import { useCallback, useState } from 'react';
import type { KeyboardEvent } from 'react';

import type { TimelineBucket } from '../../../shared/aggregate/timeline';

type Range = { start: number; end: number };

/** A keyboard selection of bars, kept as times so it survives re-bucketing (a zoom, a new page of events). */
export interface KeySelection {
  anchor: number;
  focus: number;
}

export interface TimelineKeyOptions {
  rows: readonly TimelineBucket[];
  /** The span on view, and the whole query's span (zooming out stops there). */
  domain: Range | null;
  bounds?: Range | null;
  zoomed: boolean;
  onZoom(range: Range): void;
  onResetZoom(): void;
}

/** The keys, as the chart's description gives them. */
export const timelineKeysHint = '← → choose a bar · Shift+← → widen · Enter filters to it · + − zoom · Esc clears';

const smallestSpan = 10_000;

/** The bars a selection covers, first and last, within the rows on view. */
export function selectedBars(rows: readonly TimelineBucket[], selection: KeySelection | null): { from: number; to: number } | null {
  const first = rows[0];
  if (!selection || !first) return null;
  const size = first.end - first.start;
  const at = (time: number) => Math.min(Math.max(Math.floor((time - first.start) / size), 0), rows.length - 1);
  const [a, b] = [at(selection.anchor), at(selection.focus)];
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/**
 * The timeline from the keyboard: arrows move a selected bar (Shift widens the selection), Home
 * and End jump to the ends, Enter filters every view to the selection, + and − zoom around it,
 * Escape clears the selection and then the zoom.
 */
export function useTimelineKeys({ rows, domain, bounds, zoomed, onZoom, onResetZoom }: TimelineKeyOptions) {
  const [selection, setSelection] = useState<KeySelection | null>(null);
  const bars = selectedBars(rows, selection);

  const zoomAround = useCallback(
    (center: number, span: number) => {
      let start = center - span / 2;
      let end = center + span / 2;
      if (bounds) {
        // Kept inside the query; a zoom out to all of it is no zoom at all.
        if (start < bounds.start) [start, end] = [bounds.start, Math.min(bounds.start + span, bounds.end)];
        if (end > bounds.end) [start, end] = [Math.max(bounds.end - span, bounds.start), bounds.end];
        if (start <= bounds.start && end >= bounds.end) return onResetZoom();
      }
      onZoom({ start: Math.round(start), end: Math.round(end) });
    },
    [bounds, onZoom, onResetZoom],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const last = rows.length - 1;
    if (last < 0 || !domain) return;
    const current = bars ?? null;
    const move = (index: number) => {
      const time = rows[Math.min(Math.max(index, 0), last)]!.start;
      setSelection((s) => (event.shiftKey && s ? { anchor: s.anchor, focus: time } : { anchor: time, focus: time }));
    };
    const focusIndex = selection ? selectedBars(rows, { anchor: selection.focus, focus: selection.focus })!.from : null;
    const step = Math.max(1, Math.round(rows.length / 10));
    const center = current ? (rows[current.from]!.start + rows[current.to]!.end) / 2 : (domain.start + domain.end) / 2;
    switch (event.key) {
      case 'ArrowRight':
        move(focusIndex === null ? firstWithEvents(rows) : focusIndex + 1);
        break;
      case 'ArrowLeft':
        move(focusIndex === null ? lastWithEvents(rows) : focusIndex - 1);
        break;
      case 'PageDown':
        move((focusIndex ?? 0) + step);
        break;
      case 'PageUp':
        move((focusIndex ?? last) - step);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(last);
        break;
      case 'Enter':
      case ' ':
        if (!current) return;
        onZoom({ start: rows[current.from]!.start, end: rows[current.to]!.end - 1 });
        setSelection(null);
        break;
      case '+':
      case '=':
        zoomAround(center, Math.max((domain.end - domain.start) / 2, smallestSpan));
        setSelection({ anchor: center, focus: center });
        break;
      case '-':
      case '_':
        zoomAround(center, (domain.end - domain.start) * 2);
        setSelection(current ? { anchor: center, focus: center } : null);
        break;
      case 'Escape':
        if (selection) setSelection(null);
        else if (zoomed) onResetZoom();
        else return;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return { bars, onKeyDown, clear: () => setSelection(null) };
}

function firstWithEvents(rows: readonly TimelineBucket[]): number {
  const index = rows.findIndex((row) => row.total > 0);
  return index < 0 ? 0 : index;
}

function lastWithEvents(rows: readonly TimelineBucket[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.total > 0) return i;
  return rows.length - 1;
}
