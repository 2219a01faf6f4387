import type { TimelineBucket } from '../../../shared/aggregate/timeline';

/** The stacks of a bar, bottom to top, with their colours. */
const stacks = [
  ['read', 'var(--read)'],
  ['write', 'var(--write)'],
  ['error', 'var(--error)'],
  ['flagged', 'var(--flagged)'],
] as const;

export interface StackedBarProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: TimelineBucket;
}

/**
 * One bucket's bar, drawn whole: its stacks (read, write, error, flagged, bottom to top) and,
 * when it holds flagged events, a mark above it. One shape per bucket rather than one series
 * per stack keeps the chart to a few hundred SVG nodes, so re-bucketing after a brush or a
 * keystroke redraws within a frame. Empty buckets draw nothing.
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
      {payload.flagged > 0 && <path className="flag-mark" d={`M${cx - 4},${y - 9} L${cx + 4},${y - 9} L${cx},${y - 3} Z`} fill="var(--sev-critical)" />}
    </g>
  );
}
