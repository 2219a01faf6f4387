import { memo, useCallback, useId, useMemo, useRef, useState } from 'react';

import { countWords } from '../../../shared/display/count-words';
import { bucketLabel } from '../../../shared/aggregate/bucket-size';
import { bucketIndex, mergeBuckets } from '../../../shared/aggregate/timeline';
import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import { indexEvents } from '../../../shared/aggregate/timeline-index';
import type { NormalizedEvent } from '../../../shared/records/types';
import { useTimelineEvents } from '../actions/useTimelineEvents';
import { measured } from '../workspace/measure';
import { BarsChart } from './BarsChart';
import type { PointerKind } from './BarsChart';
import { flagSeverity } from './flag-severity';
import { plotLeft, plotWidth } from './plot-area';
import { TimeAxis } from './TimeAxis';
import { bucketSummary } from './TimelineTooltip';
import { formatSpan } from './time-format';
import { useElementSize } from './useElementSize';
import { useStableList } from './useStableList';
import { timelineKeysHint, useTimelineKeys } from './useTimelineKeys';
import './timeline.css';

export interface TimelineProps {
  events: readonly NormalizedEvent[];
  /** The time span drawn: the zoomed range, or the whole query. */
  domain: { start: number; end: number } | null;
  /** The whole query's span: zooming out from the keyboard stops there. */
  bounds?: { start: number; end: number } | null;
  zoomed: boolean;
  /** Zoom every view to a range (a brushed span, one clicked bar, or bars chosen from the keyboard). */
  onZoom(range: { start: number; end: number }): void;
  onResetZoom(): void;
}

const noBuckets: TimelineBucket[] = [];

/** Bars picked by a drag or from the keyboard, drawn as a page element over the chart: moving it repaints one box, not the bars. */
function PickedArea({ from, to, count, keyboard }: { from: number; to: number; count: number; keyboard: boolean }) {
  return (
    <div
      className={keyboard ? 'drag-area keyboard' : 'drag-area'}
      style={{ left: plotLeft(from / count), width: plotWidth((to - from + 1) / count) }}
      aria-hidden="true"
    />
  );
}

type Drag = { from: number; to: number };

/** What the keyboard selection holds, in words, for the live region. */
function describeBars(rows: readonly TimelineBucket[], bars: Drag): string {
  const merged = mergeBuckets(rows.slice(bars.from, bars.to + 1));
  if (!merged) return '';
  const summary = bucketSummary(merged);
  return `${formatSpan(merged.start, merged.end)}: ${summary.total}, ${summary.kinds}${summary.flagged ? `, ${summary.flagged}` : ''}. Enter filters to it.`;
}

/**
 * Events per time bucket, stacked as read, write and error, with flagged buckets marked above
 * their bar in the colour of their highest severity. Drag across the chart to zoom every view to
 * that span, click a bar to zoom to it, or use the keyboard (useTimelineKeys). Never more than
 * about 500 bars; the events are indexed once, so a zoom re-buckets without a pass over them.
 */
export const Timeline = memo(function Timeline({ events: all, domain, bounds = null, zoomed, onZoom, onResetZoom }: TimelineProps) {
  // In the table's Actions view, each console action counts once.
  const { events, mode } = useTimelineEvents(useStableList(all));
  const index = useMemo(() => measured('timeline index', () => indexEvents(events, flagSeverity)), [events]);
  const timeline = useMemo(() => (domain ? measured('timeline buckets', () => bucketIndex(index, domain)) : null), [index, domain]);
  const rows = timeline?.buckets ?? noBuckets;
  const [drag, setDrag] = useState<Drag | null>(null);
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const chartRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(chartRef);
  const hintId = useId();
  const keys = useTimelineKeys({ rows, domain, bounds, zoomed, onZoom, onResetZoom });

  // The pointer handler is created once and reads what it needs from refs, so the chart never
  // redraws for a drag; a press and release on one bar zooms to that bar.
  const latest = useRef({ rows, onZoom, clear: keys.clear });
  latest.current = { rows, onZoom, clear: keys.clear };
  const dragging = useRef<Drag | null>(null);
  const onPointer = useCallback((kind: PointerKind, at: number | null) => {
    const current = dragging.current;
    let next: Drag | null = null;
    if (kind === 'down') next = at === null ? null : { from: at, to: at };
    else if (kind === 'move') {
      if (!current || at === null || at === current.to) return;
      next = { ...current, to: at };
    } else if (kind === 'up' && current) {
      const { rows: buckets, onZoom: zoom, clear } = latest.current;
      const low = buckets[Math.min(current.from, current.to)];
      const high = buckets[Math.max(current.from, current.to)];
      clear();
      if (low && high) zoom({ start: low.start, end: high.end - 1 });
    }
    dragging.current = next;
    setDrag(next);
  }, []);

  const picked = drag ? { from: Math.min(drag.from, drag.to), to: Math.max(drag.from, drag.to) } : keys.bars;
  return (
    <section className="timeline-panel" aria-label="Timeline">
      <header className="panel-header">
        <h2>Timeline</h2>
        <span className="muted">
          {timeline
            ? `${total.toLocaleString()} ${mode === 'actions' ? 'actions and other events' : 'events'} · ${bucketLabel(timeline.sizeMs)} per bar`
            : 'no events yet'}
        </span>
        <span className="legend" aria-hidden="true">
          <i className="swatch read" /> read <i className="swatch write" /> write <i className="swatch error" /> error{' '}
          <i className="flag-key" /> flagged (colour: highest severity)
        </span>
        <span className="spacer" />
        {zoomed && (
          <button type="button" onClick={onResetZoom}>
            Reset zoom
          </button>
        )}
      </header>
      <div
        ref={chartRef}
        className="timeline-chart"
        data-testid="timeline"
        role="application"
        aria-roledescription="timeline"
        tabIndex={0}
        aria-label={`Timeline of ${countWords(total, 'event')}; drag to zoom, click a bar to filter to it`}
        aria-describedby={hintId}
        onKeyDown={keys.onKeyDown}
      >
        {rows.length > 0 && width > 0 && <BarsChart rows={rows} width={width} height={height} onPointer={onPointer} />}
        {timeline && rows.length > 0 && <TimeAxis start={timeline.start} end={timeline.end} width={width} />}
        {picked && rows.length > 0 && <PickedArea from={picked.from} to={picked.to} count={rows.length} keyboard={!drag} />}
        {rows.length === 0 && <p className="timeline-empty">Events will appear here as they arrive.</p>}
        <p id={hintId} className="timeline-keys">
          Keys: {timelineKeysHint}
        </p>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {keys.bars && rows.length > 0 ? describeBars(rows, keys.bars) : ''}
      </p>
    </section>
  );
});
