import type { NormalizedEvent } from '../../../shared/records/types';
import { topSeverity } from '../../../shared/rules/engine';
import type { Severity } from '../../../shared/rules/types';
import { preparedSeverity } from '../workspace/event-buffer';
import { flagsOf, isFlagged } from '../workspace/flags';

/**
 * The highest severity among an event's flags, or null when the rule pack flagged nothing: a
 * field read for fetched events (prepared at ingest), so indexing 100,000 events for the
 * timeline touches each event once, not its flags too.
 */
export function flagSeverity(event: NormalizedEvent): Severity | null {
  const prepared = preparedSeverity(event);
  if (prepared !== undefined) return prepared;
  return isFlagged(event) ? topSeverity(flagsOf(event)) : null;
}
