import type { TimelineBucket } from '../../../shared/aggregate/timeline';

/** The stacks of a bar, bottom to top, with their colours: they divide the bucket's events. */
const stacks = [
  ['read', 'var(--read)'],
  ['write', 'var(--write)'],
  ['error', 'var(--error)'],
] as const;

export interface StackedBarProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: TimelineBucket;
}

/**
 * One bucket's bar, drawn whole: its stacks (read, write, error, bottom to top) and, when it
 * holds flagged events, a mark above it in the colour of the highest severity among them. One
 * shape per bucket rather than one series per stack keeps the chart to a few hundred SVG nodes,
 * so re-bucketing after a brush or a keystroke redraws within a frame. Empty buckets draw nothing.
 */
export function StackedBar({ x = 0, y = 0, width = 0, height = 0, payload }: StackedBarProps) {
  if (!payload || payload.total === 0 || height <= 0) return null;
  const unit = height / payload.total;
  let bottom = y + height;
  const parts = [];
  for (const [stack, fill] of stacks) {
    const count = payload[stack];
    if (count === 0) continue;
    const h = count * unit;
    bottom -= h;
    parts.push(<rect key={stack} x={x} y={bottom} width={Math.max(width, 1)} height={h} fill={fill} />);
  }
  const cx = x + width / 2;
  return (
    <g>
      {parts}
      {payload.severity && (
        <path
          className={`flag-mark severity-${payload.severity}`}
          d={`M${cx - 4},${y - 11} L${cx + 4},${y - 11} L${cx},${y - 3} Z`}
          fill={`var(--sev-${payload.severity})`}
        />
      )}
    </g>
  );
}
