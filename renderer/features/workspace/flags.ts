import type { NormalizedEvent } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';
import type { RuleHit } from '../../../shared/rules/types';

const cache = new WeakMap<NormalizedEvent, RuleHit[]>();

/** The risk flags of an event, computed once per event and cached for every view. */
export function flagsOf(event: NormalizedEvent): RuleHit[] {
  let hits = cache.get(event);
  if (!hits) {
    hits = flagEvent(event);
    cache.set(event, hits);
  }
  return hits;
}

/** Whether the rule pack flagged the event. */
export function isFlagged(event: NormalizedEvent): boolean {
  return flagsOf(event).length > 0;
}
