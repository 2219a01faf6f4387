import type { Severity } from '../../rules/types';
import type { AnalysisEvent } from '../analysis-event';
import type { Finding, FindingKind } from '../types';
import { partsOf, plainOf } from './finding-text';
import type { Piece } from './finding-text';

/** What a detector says; the events become ids and a time span here. */
export interface FindingDraft {
  kind: FindingKind;
  severity: Severity;
  /** Our words with only strictly checked values (addresses, country codes, numbers, instance ids). */
  title: string;
  summary: readonly Piece[];
  events: readonly AnalysisEvent[];
  attack: readonly string[];
}

/** A finding naming its events in input order, each once, with the span of their times. */
export function toFinding(draft: FindingDraft): Finding {
  const events = [...new Set(draft.events)].sort((a, b) => a.index - b.index);
  let first = Infinity;
  let last = -Infinity;
  for (const { event } of events) {
    if (!Number.isFinite(event.time)) continue;
    first = Math.min(first, event.time);
    last = Math.max(last, event.time);
  }
  const parts = partsOf(draft.summary);
  return {
    kind: draft.kind,
    severity: draft.severity,
    title: draft.title,
    summary: plainOf(parts),
    summaryParts: parts,
    eventIDs: [...new Set(events.map(({ event }) => event.id))],
    attack: [...new Set(draft.attack)].sort(),
    start: Number.isFinite(first) ? new Date(first).toISOString() : null,
    end: Number.isFinite(last) ? new Date(last).toISOString() : null,
  };
}

/** Groups events by a key, skipping events whose key is empty. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
