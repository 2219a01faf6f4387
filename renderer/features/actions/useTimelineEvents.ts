import { useMemo } from 'react';

import { groupActions } from '../../../shared/console-actions/group-actions';
import type { NormalizedEvent } from '../../../shared/records/types';
import { isFlagged } from '../workspace/flags';
import { useEventViewMode, type EventViewMode } from './view-mode';

/**
 * What the timeline counts: every event, or (in the Actions view) each console action once, at
 * its first flagged event if it has one, else at its anchor, beside the events no action took.
 */
export function collapseToActions(events: readonly NormalizedEvent[]): NormalizedEvent[] {
  const byTime = [...events].sort((a, b) => (a.time || 0) - (b.time || 0));
  const byId = new Map(byTime.map((event) => [event.id, event]));
  const { actions, ungrouped } = groupActions(byTime);
  const shown = [...ungrouped];
  for (const action of actions) {
    const members = action.eventIds.map((id) => byId.get(id)!);
    shown.push(members.find((event) => isFlagged(event)) ?? byId.get(action.anchorEventId)!);
  }
  return shown.sort((a, b) => (a.time || 0) - (b.time || 0));
}

/** The timeline's events for the table's current view. */
export function useTimelineEvents(events: readonly NormalizedEvent[]): { events: readonly NormalizedEvent[]; mode: EventViewMode } {
  const mode = useEventViewMode();
  const shown = useMemo(() => (mode === 'actions' ? collapseToActions(events) : events), [events, mode]);
  return { events: shown, mode };
}
