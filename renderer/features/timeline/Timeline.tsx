import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { Bar, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';

import { bucketLabel } from '../../../shared/aggregate/bucket-size';
import { bucketEvents } from '../../../shared/aggregate/timeline';
import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import type { NormalizedEvent } from '../../../shared/records/types';
import { useTimelineEvents } from '../actions/useTimelineEvents';
import { isFlagged } from '../workspace/flags';
import { StackedBar } from './StackedBar';
import { TimelineTooltip } from './TimelineTooltip';
import { formatTick } from './time-format';
import './timeline.css';

export interface TimelineProps {
  events: readonly NormalizedEvent[];
  /** The time span drawn: the zoomed range, or the whole query. */
  domain: { start: number; end: number } | null;
  zoomed: boolean;
  /** Zoom every view to a range (a brushed span or one clicked bar). */
  onZoom(range: { start: number; end: number }): void;
  onResetZoom(): void;
}

/** The chart's plot area inside its box, in pixels (see the margins and the Y axis width below). */
const plot = { left: 40, right: 12, top: 10 };

function indexOf(state: MouseHandlerDataParam): number | null {
  const index = Number(state.activeTooltipIndex ?? state.activeIndex);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

const noBuckets: TimelineBucket[] = [];

/**
 * The brushed span, drawn as a page element over the chart rather than inside it: dragging
 * then repaints one box, not the chart's hundreds of bars.
 */
function DragArea({ from, to, count }: { from: number; to: number; count: number }) {
  const left = `calc(${plot.left}px + (100% - ${plot.left + plot.right}px) * ${from / count})`;
  const width = `calc((100% - ${plot.left + plot.right}px) * ${(to - from + 1) / count})`;
  return <div className="drag-area" style={{ left, width, top: plot.top }} aria-hidden="true" />;
}

type Drag = { from: number; to: number };
type PointerKind = 'down' | 'move' | 'up' | 'leave';

interface BarsChartProps {
  rows: TimelineBucket[];
  span: number;
  sizeMs: number;
  /** Stable: the chart is memoised on its data, and a drag in progress must not redraw it. */
  onPointer(kind: PointerKind, index: number | null): void;
}

/** The recharts part. Memoised on its data: only new buckets redraw it. */
const BarsChart = memo(function BarsChart({ rows, span, sizeMs, onPointer }: BarsChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={rows}
        barCategoryGap={0}
        margin={{ top: plot.top, right: plot.right, bottom: 0, left: 0 }}
        onMouseDown={(state) => onPointer('down', indexOf(state))}
        onMouseMove={(state) => onPointer('move', indexOf(state))}
        onMouseUp={(state) => onPointer('up', indexOf(state))}
        onMouseLeave={(state) => onPointer('leave', indexOf(state))}
      >
        <XAxis dataKey="start" tickFormatter={(value: number) => formatTick(value, span)} minTickGap={40} tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} width={plot.left} tick={{ fontSize: 11 }} />
        <Tooltip content={<TimelineTooltip sizeMs={sizeMs} />} isAnimationActive={false} cursor={{ fill: 'var(--accent)', fillOpacity: 0.08 }} />
        <Bar dataKey="total" shape={StackedBar} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

/**
 * Events per time bucket, stacked as flagged, error, write and read, with flagged buckets
 * marked above their bar. Drag across the chart to zoom every view to that span; click a bar
 * to zoom to that bucket. Never more than about 500 bars (see bucketEvents).
 */
export const Timeline = memo(function Timeline({ events: all, domain, zoomed, onZoom, onResetZoom }: TimelineProps) {
  // In the table's Actions view, each console action counts once.
  const { events, mode } = useTimelineEvents(all);
  const timeline = useMemo(() => (domain ? bucketEvents(events, domain, isFlagged) : null), [events, domain]);
  const rows = timeline?.buckets ?? noBuckets;
  const [drag, setDrag] = useState<Drag | null>(null);
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const span = timeline ? timeline.end - timeline.start : 0;

  // The pointer handler is created once and reads what it needs from refs, so the chart never
  // redraws for a drag; a press and release on one bar zooms to that bar.
  const latest = useRef({ rows, onZoom });
  latest.current = { rows, onZoom };
  const dragging = useRef<Drag | null>(null);
  const onPointer = useCallback((kind: PointerKind, index: number | null) => {
    const current = dragging.current;
    let next: Drag | null = null;
    if (kind === 'down') next = index === null ? null : { from: index, to: index };
    else if (kind === 'move') {
      if (!current || index === null || index === current.to) return;
      next = { ...current, to: index };
    } else if (kind === 'up' && current) {
      const { rows: buckets, onZoom: zoom } = latest.current;
      const low = buckets[Math.min(current.from, current.to)];
      const high = buckets[Math.max(current.from, current.to)];
      if (low && high) zoom({ start: low.start, end: high.end - 1 });
    }
    dragging.current = next;
    setDrag(next);
  }, []);

  return (
    <section className="timeline-panel" aria-label="Timeline">
      <header className="panel-header">
        <h2>Timeline</h2>
        <span className="muted">
          {timeline ? `${total.toLocaleString()} ${mode === 'actions' ? 'actions and other events' : 'events'} · ${bucketLabel(timeline.sizeMs)} per bar` : 'no events yet'}
        </span>
        <span className="legend" aria-hidden="true">
          <i className="swatch read" /> read <i className="swatch write" /> write <i className="swatch error" /> error <i className="swatch flagged" /> flagged
        </span>
        <span className="spacer" />
        {zoomed && (
          <button type="button" onClick={onResetZoom}>
            Reset zoom
          </button>
        )}
      </header>
      <div
        className="timeline-chart"
        data-testid="timeline"
        role="img"
        aria-label={`Timeline of ${total} events; drag to zoom, click a bar to filter to it`}
      >
        {rows.length > 0 && (
          <BarsChart rows={rows} span={span} sizeMs={timeline?.sizeMs ?? 0} onPointer={onPointer} />
        )}
        {drag && <DragArea from={Math.min(drag.from, drag.to)} to={Math.max(drag.from, drag.to)} count={rows.length} />}
        {rows.length === 0 && <p className="timeline-empty">Events will appear here as they arrive.</p>}
      </div>
    </section>
  );
});
