import { memo, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';

import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import { severities } from '../../../shared/aggregate/timeline-index';
import { barPaths, countTicks } from './bar-paths';
import { plot } from './plot-area';
import { TimelineTooltip } from './TimelineTooltip';

export type PointerKind = 'down' | 'move' | 'up' | 'leave';

interface BarsChartProps {
  rows: TimelineBucket[];
  width: number;
  height: number;
  /** Stable: the chart is memoised on its data, and a drag in progress must not redraw it. */
  onPointer(kind: PointerKind, index: number | null): void;
}

/**
 * The bars and the count axis, drawn as plain SVG (the time axis is TimeAxis, below it): each
 * stack is one path over every bar (see barPaths), so a zoom or a keystroke redraws in a few
 * attribute writes. The pointer's bar is found from its position; its counts show in a tooltip.
 */
export const BarsChart = memo(function BarsChart({ rows, width, height, onPointer }: BarsChartProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const box = useMemo(
    () => ({
      left: plot.left,
      right: Math.max(width - plot.right, plot.left + 1),
      top: plot.top,
      bottom: Math.max(height - plot.axis, plot.top + 1),
    }),
    [width, height],
  );
  const { top, ticks } = useMemo(() => countTicks(rows.reduce((max, row) => Math.max(max, row.total), 0)), [rows]);
  const paths = useMemo(() => barPaths(rows, box, top), [rows, box, top]);
  const barWidth = (box.right - box.left) / Math.max(rows.length, 1);

  const indexAt = (event: MouseEvent) => {
    const x = event.clientX - svg.current!.getBoundingClientRect().left;
    const index = Math.floor((x - box.left) / barWidth);
    return index >= 0 && index < rows.length ? index : null;
  };
  const handle = (kind: PointerKind) => (event: MouseEvent) => {
    const index = kind === 'leave' ? null : indexAt(event);
    setHover(index);
    onPointer(kind, index);
  };
  const hovered = hover === null ? undefined : rows[hover];
  const y = (count: number) => box.bottom - ((box.bottom - box.top) * count) / top;

  return (
    <div className="timeline-bars" style={{ bottom: plot.axis }}>
      <svg
        ref={svg}
        width={width}
        height={height - plot.axis}
        onMouseDown={handle('down')}
        onMouseMove={handle('move')}
        onMouseUp={handle('up')}
        onMouseLeave={handle('leave')}
      >
        <g className="count-axis" aria-hidden="true">
          <line x1={box.left} x2={box.left} y1={box.top} y2={box.bottom} />
          {ticks.map((tick) => (
            <text key={tick} x={box.left - 5} y={y(tick)} dy="0.32em" textAnchor="end">
              {tick}
            </text>
          ))}
        </g>
        {hover !== null && (
          <rect className="bar-cursor" x={box.left + hover * barWidth} y={box.top} width={barWidth} height={box.bottom - box.top} />
        )}
        {(['read', 'write', 'error'] as const).map((stack) => (
          <path key={stack} className={`stack ${stack}`} d={paths.stacks[stack]} fill={`var(--${stack})`} />
        ))}
        {severities.map(
          (severity) =>
            paths.marks[severity] && (
              <path key={severity} className={`flag-mark severity-${severity}`} d={paths.marks[severity]} fill={`var(--sev-${severity})`} />
            ),
        )}
      </svg>
      {hovered && (
        <div
          className="timeline-tooltip"
          style={
            hover! < rows.length / 2
              ? { left: box.left + (hover! + 1) * barWidth + 8 }
              : { right: width - box.left - hover! * barWidth + 8 }
          }
        >
          <TimelineTooltip bucket={hovered} />
        </div>
      )}
    </div>
  );
});
