import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import type { Severity } from '../../../shared/rules/types';

/** The chart's drawing box in pixels: the plot's left and right edges, its top and its baseline. */
export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Y axis ticks: whole counts at 1, 2 or 5 times a power of ten, about four of them, topped by the axis maximum. */
export function countTicks(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { top, ticks };
}

const stackKeys = ['read', 'write', 'error'] as const;
export type Stack = (typeof stackKeys)[number];

/**
 * Every bar as a few SVG paths: one per stack (read, write, error) and one per severity for the
 * flag marks above the bars. Redrawing 500 bars is then a handful of attribute writes, where a
 * node per bar (recharts' way) costs a render and a DOM node of its own for each.
 */
export function barPaths(
  rows: readonly TimelineBucket[],
  box: PlotBox,
  top: number,
): { stacks: Record<Stack, string>; marks: Partial<Record<Severity, string>> } {
  const parts: Record<Stack, string[]> = { read: [], write: [], error: [] };
  const marks: Partial<Record<Severity, string[]>> = {};
  const width = (box.right - box.left) / Math.max(rows.length, 1);
  const unit = (box.bottom - box.top) / top;
  const drawn = Math.max(width, 1).toFixed(2);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.total === 0) continue;
    const x = (box.left + i * width).toFixed(2);
    let base = box.bottom;
    for (const stack of stackKeys) {
      const h = row[stack] * unit;
      if (h <= 0) continue;
      base -= h;
      parts[stack].push(`M${x},${base.toFixed(2)}h${drawn}v${h.toFixed(2)}h-${drawn}Z`);
    }
    if (row.severity) {
      const cx = box.left + (i + 0.5) * width;
      (marks[row.severity] ??= []).push(`M${(cx - 4).toFixed(1)},${(base - 11).toFixed(1)}h8l-4,8Z`);
    }
  }
  const joined = Object.fromEntries(Object.entries(marks).map(([severity, list]) => [severity, list.join('')]));
  return { stacks: { read: parts.read.join(''), write: parts.write.join(''), error: parts.error.join('') }, marks: joined };
}
