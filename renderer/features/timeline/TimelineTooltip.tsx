import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import { formatUtc } from './time-format';

interface TooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: TimelineBucket }>;
  sizeMs: number;
}

/** The counts of one bar, as plain text. */
export function TimelineTooltip({ active, payload }: TooltipProps) {
  const bucket = payload?.[0]?.payload;
  if (!active || !bucket) return null;
  return (
    <div className="chart-tooltip">
      <div className="tooltip-title">
        {formatUtc(bucket.start)} – {formatUtc(bucket.end).slice(11)}
      </div>
      <div>{bucket.total} events</div>
      <div>
        {bucket.read} read · {bucket.write} write · {bucket.error} error · {bucket.flagged} flagged
      </div>
    </div>
  );
}
