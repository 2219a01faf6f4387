import { countWords } from '../../../shared/display/count-words';
import { baselineDaysOf, baselineLine } from '../../../shared/baseline/baseline-range';
import { shortBaselineDays } from '../../../shared/baseline/frequency';
import type { BaselineFetch } from './useBaselineFetch';

/**
 * One line under the progress: what the investigation is compared with ("baseline: 83 days,
 * 12,408 events"), with a warning when that is too short to judge, or why there is none.
 */
export function BaselineLine({ baseline, history }: { baseline: BaselineFetch; history?: { start: string; end: string; events: number } | null }) {
  if (baseline.state === 'idle') return null;
  const days = baseline.query ? baselineDaysOf(baseline.query) : 0;
  let text: string;
  let warning: string | null = null;
  switch (baseline.state) {
    case 'off':
      text = 'baseline: off';
      warning = 'Without a baseline nothing is marked routine or new.';
      break;
    case 'none':
      text = 'baseline: none';
      warning = 'The range starts at the edge of the 90 days LookupEvents keeps: there is no earlier history to compare with.';
      break;
    case 'starting':
    case 'queued':
    case 'running':
      text = `baseline: fetching ${countWords(days, 'day')} before the range… ${countWords(baseline.eventCount, 'event')} so far`;
      break;
    case 'failed':
    case 'cancelled': {
      const line = baselineLine(days, baseline.eventCount);
      text = `${line.text} (${baseline.state === 'failed' ? 'incomplete: the fetch failed' : 'incomplete: cancelled'})`;
      warning = baseline.error ? baseline.error.message : line.warning;
      break;
    }
    default: {
      const line = baselineLine(days, baseline.eventCount);
      text = line.text;
      warning = line.warning;
      // The range reaches back that far; the identity's history may start later (the analysis says when).
      const reach = history?.start && baseline.query ? baselineDaysOf({ start: history.start, end: baseline.query.end }) : null;
      if (reach !== null && reach < days) {
        text += ` (the earliest from ${history!.start.slice(0, 10)}, ${reach.toLocaleString('en-US')} ${reach === 1 ? 'day' : 'days'} back)`;
        if (!warning && reach < shortBaselineDays) warning = `Under ${shortBaselineDays} days of history: too short to say what is usual for this identity, so little is marked routine or new.`;
      }
    }
  }
  return (
    <div className={warning ? 'baseline-line warn' : 'baseline-line'} data-testid="baseline-line" role="status">
      <span>{text}</span>
      {warning && <span className="baseline-warning">{warning}</span>}
    </div>
  );
}
