import { memo } from 'react';
import { Bar, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';

import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import { plot } from './plot-area';
import { StackedBar } from './StackedBar';
import { TimelineTooltip } from './TimelineTooltip';

export type PointerKind = 'down' | 'move' | 'up' | 'leave';

function indexOf(state: MouseHandlerDataParam): number | null {
  const index = Number(state.activeTooltipIndex ?? state.activeIndex);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

interface BarsChartProps {
  rows: TimelineBucket[];
  /** Stable: the chart is memoised on its data, and a drag in progress must not redraw it. */
  onPointer(kind: PointerKind, index: number | null): void;
}

/**
 * The recharts part: bars and the count axis (the time axis is TimeAxis, below it). Memoised on
 * its data: only new buckets redraw it. Recharts' own keyboard layer is off: the timeline's box
 * takes the keys (useTimelineKeys), so there is one tab stop, not two.
 */
export const BarsChart = memo(function BarsChart({ rows, onPointer }: BarsChartProps) {
  return (
    <div className="timeline-bars" style={{ bottom: plot.axis }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          barCategoryGap={0}
          accessibilityLayer={false}
          margin={{ top: plot.top, right: plot.right, bottom: 0, left: 0 }}
          onMouseDown={(state) => onPointer('down', indexOf(state))}
          onMouseMove={(state) => onPointer('move', indexOf(state))}
          onMouseUp={(state) => onPointer('up', indexOf(state))}
          onMouseLeave={(state) => onPointer('leave', indexOf(state))}
        >
          <XAxis dataKey="start" hide />
          <YAxis allowDecimals={false} width={plot.left} tick={{ fontSize: 11 }} />
          <Tooltip content={<TimelineTooltip />} isAnimationActive={false} cursor={{ fill: 'var(--accent)', fillOpacity: 0.08 }} />
          <Bar dataKey="total" shape={StackedBar} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
