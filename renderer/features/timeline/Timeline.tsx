import { memo, useMemo, useState } from 'react';
import { Bar, ComposedChart, ReferenceArea, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';

import { bucketLabel } from '../../../shared/aggregate/bucket-size';
import { bucketEvents } from '../../../shared/aggregate/timeline';
import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import type { NormalizedEvent } from '../../../shared/records/types';
import { isFlagged } from '../workspace/flags';
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

interface Row extends TimelineBucket {
  /** Where the flag mark sits (the bar's top), or null when the bucket has no flagged event. */
  mark: number | null;
}

/** A small triangle above a bar that holds flagged events. */
function FlagMark({ cx, cy }: { cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined) return null;
  return <path d={`M${cx - 4},${cy - 9} L${cx + 4},${cy - 9} L${cx},${cy - 3} Z`} fill="var(--sev-critical)" />;
}

function indexOf(state: MouseHandlerDataParam): number | null {
  const index = Number(state.activeTooltipIndex ?? state.activeIndex);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/**
 * Events per time bucket, stacked as flagged, error, write and read, with flagged buckets
 * marked above their bar. Drag across the chart to zoom every view to that span; click a bar
 * to zoom to that bucket. Never more than about 500 bars (see bucketEvents).
 */
export const Timeline = memo(function Timeline({ events, domain, zoomed, onZoom, onResetZoom }: TimelineProps) {
  const timeline = useMemo(() => (domain ? bucketEvents(events, domain, isFlagged) : null), [events, domain]);
  const rows = useMemo<Row[]>(() => (timeline ? timeline.buckets.map((b) => ({ ...b, mark: b.flagged > 0 ? b.total : null })) : []), [timeline]);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const span = timeline ? timeline.end - timeline.start : 0;

  const finish = () => {
    if (!drag) return;
    setDrag(null);
    const low = rows[Math.min(drag.from, drag.to)];
    const high = rows[Math.max(drag.from, drag.to)];
    if (low && high) onZoom({ start: low.start, end: high.end - 1 });
  };

  return (
    <section className="timeline-panel" aria-label="Timeline">
      <header className="panel-header">
        <h2>Timeline</h2>
        <span className="muted">
          {timeline ? `${total.toLocaleString()} events · ${bucketLabel(timeline.sizeMs)} per bar` : 'no events yet'}
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
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart
              data={rows}
              barCategoryGap={0}
              margin={{ top: 10, right: 12, bottom: 0, left: 0 }}
              onMouseDown={(state) => {
                const index = indexOf(state);
                if (index !== null) setDrag({ from: index, to: index });
              }}
              onMouseMove={(state) => {
                const index = indexOf(state);
                if (drag && index !== null && index !== drag.to) setDrag({ ...drag, to: index });
              }}
              onMouseUp={finish}
              onMouseLeave={() => setDrag(null)}
            >
              <XAxis dataKey="start" tickFormatter={(value: number) => formatTick(value, span)} minTickGap={40} tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11 }} />
              <Tooltip content={<TimelineTooltip sizeMs={timeline?.sizeMs ?? 0} />} isAnimationActive={false} />
              <Bar dataKey="read" stackId="events" fill="var(--read)" isAnimationActive={false} />
              <Bar dataKey="write" stackId="events" fill="var(--write)" isAnimationActive={false} />
              <Bar dataKey="error" stackId="events" fill="var(--error)" isAnimationActive={false} />
              <Bar dataKey="flagged" stackId="events" fill="var(--flagged)" isAnimationActive={false} />
              <Scatter dataKey="mark" fill="var(--sev-critical)" shape={FlagMark} isAnimationActive={false} legendType="none" />
              {drag && rows[drag.from] && rows[drag.to] && (
                <ReferenceArea x1={rows[drag.from]!.start} x2={rows[drag.to]!.start} fill="var(--accent)" fillOpacity={0.15} />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        )}
        {rows.length === 0 && <p className="timeline-empty">Events will appear here as they arrive.</p>}
      </div>
    </section>
  );
});
