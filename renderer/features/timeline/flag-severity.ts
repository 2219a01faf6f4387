import type { NormalizedEvent } from '../../../shared/records/types';
import { topSeverity } from '../../../shared/rules/engine';
import type { Severity } from '../../../shared/rules/types';
import { flagsOf, isFlagged } from '../workspace/flags';

/** The highest severity among an event's flags, or null when the rule pack flagged nothing (a field read for most events). */
export function flagSeverity(event: NormalizedEvent): Severity | null {
  return isFlagged(event) ? topSeverity(flagsOf(event)) : null;
}
