import type { TimelineBucket } from '../../../shared/aggregate/timeline';
import { severities } from '../../../shared/aggregate/timeline-index';
import { formatSpan } from './time-format';

/** A bucket's counts in words: every category counted honestly (a flagged write is a write, and flagged). */
export function bucketSummary(bucket: TimelineBucket): { total: string; kinds: string; flagged: string | null } {
  const flaggedBy = [...severities]
    .reverse()
    .filter((severity) => bucket.bySeverity[severity] > 0)
    .map((severity) => `${bucket.bySeverity[severity]} ${severity}`);
  return {
    total: `${bucket.total.toLocaleString()} ${bucket.total === 1 ? 'event' : 'events'}`,
    kinds: `${bucket.read} read · ${bucket.write} write · ${bucket.error} error`,
    flagged: bucket.flagged > 0 ? `${bucket.flagged} flagged: ${flaggedBy.join(' · ')}` : null,
  };
}

/** The counts of one bar, as plain text. */
export function TimelineTooltip({ bucket }: { bucket: TimelineBucket }) {
  const summary = bucketSummary(bucket);
  return (
    <div className="chart-tooltip">
      <div className="tooltip-title">{formatSpan(bucket.start, bucket.end)}</div>
      <div>{summary.total}</div>
      <div>{summary.kinds}</div>
      {summary.flagged && <div className="tooltip-flagged">{summary.flagged}</div>}
    </div>
  );
}
