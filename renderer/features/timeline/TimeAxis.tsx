import { memo, useMemo } from 'react';

import { timeTicks } from '../../../shared/aggregate/time-ticks';
import { plot, plotLeft } from './plot-area';
import { tickLabel } from './time-format';

/** Room a label needs, so ticks never crowd: about one per 90 px of plot. */
const pxPerTick = 90;

/**
 * The time axis under the bars, drawn as page elements at nice UTC times (see timeTicks) rather
 * than at whichever bars recharts would pick: ticks at 12:00, never at 13:00 and 02:00.
 */
export const TimeAxis = memo(function TimeAxis({ start, end, width }: { start: number; end: number; width: number }) {
  const inner = Math.max((width || 800) - plot.left - plot.right, 1);
  const { interval, ticks } = useMemo(() => timeTicks(start, end, Math.max(2, Math.floor(inner / pxPerTick))), [start, end, inner]);
  const span = end - start;
  return (
    <div className="time-axis" aria-hidden="true">
      {ticks.map((time, i) => {
        const fraction = (time - start) / span;
        const label = tickLabel(time, interval, i === 0);
        // A label that would run past the right edge ends at its tick instead.
        const atEnd = (1 - fraction) * inner < 36;
        return (
          <span key={time} className={`tick${label.date ? ' date' : ''}${atEnd ? ' at-end' : ''}`} style={{ left: plotLeft(fraction) }}>
            {label.text}
          </span>
        );
      })}
    </div>
  );
});
