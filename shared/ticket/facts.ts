import { requestResourcesOf } from '../records/request-resources';
import type { ResourceKind } from '../records/request-resources';
import type { EventCategory, NormalizedEvent } from '../records/types';
import type { RuleHit, Severity } from '../rules/types';

/** One event flagged by the rule pack, with every hit that explains why. */
export interface FlaggedEvent {
  eventId: string;
  time: number;
  eventName: string;
  hits: RuleHit[];
}

/** One failed event: its error code and message as CloudTrail wrote them. */
export interface FailedEvent {
  eventId: string;
  time: number;
  eventName: string;
  errorCode: string;
  errorMessage: string;
}

/** A value and how many events carried it, most frequent first. */
export type Tally = Array<{ value: string; count: number }>;

/** A resource the events touched, with its kind and how many events named it. */
export interface TouchedResource {
  kind: ResourceKind;
  name: string;
  count: number;
}

/** What a set of events says, gathered once; every section of the draft is derived from it. */
export interface DraftFacts {
  total: number;
  unparsed: number;
  identity: { types: Tally; arns: Tally; accounts: Tally; actors: Tally; sessions: Tally; accessKeys: Tally };
  byCategory: Record<EventCategory, number>;
  byService: Tally;
  byEventName: Tally;
  flagged: FlaggedEvent[];
  failed: FailedEvent[];
  accessDenied: number;
  first: number | null;
  last: number | null;
  sourceIPs: Tally;
  userAgents: Tally;
  regions: Tally;
  /** The resources the events name (the records' own and their request parameters'), most named first. */
  resources: TouchedResource[];
  highestSeverity: Severity | null;
  /** Every hit's category, most severe first. */
  categories: string[];
}

const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** Compares severities: positive when `a` is more severe. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank[a] - severityRank[b];
}

function tally(values: Iterable<string>): Tally {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** True for the error codes that mean "not allowed" (AccessDenied, UnauthorizedOperation…). */
export function isAccessDenied(errorCode: string): boolean {
  return /AccessDenied|Unauthorized|Forbidden/i.test(errorCode);
}

/** Gathers the facts of a set of events; `flag` is the rule pack's verdict on one event. */
export function collectFacts(events: readonly NormalizedEvent[], flag: (event: NormalizedEvent) => RuleHit[]): DraftFacts {
  const byCategory: Record<EventCategory, number> = { read: 0, write: 0, error: 0 };
  const flagged: FlaggedEvent[] = [];
  const failed: FailedEvent[] = [];
  const categoryRank = new Map<string, number>();
  let highestSeverity: Severity | null = null;
  let first: number | null = null;
  let last: number | null = null;
  for (const event of events) {
    byCategory[event.category] += 1;
    if (Number.isFinite(event.time)) {
      first = first === null ? event.time : Math.min(first, event.time);
      last = last === null ? event.time : Math.max(last, event.time);
    }
    if (event.errorCode)
      failed.push({
        eventId: event.id,
        time: event.time,
        eventName: event.eventName,
        errorCode: event.errorCode,
        errorMessage: event.errorMessage,
      });
    const hits = flag(event);
    if (hits.length === 0) continue;
    flagged.push({ eventId: event.id, time: event.time, eventName: event.eventName, hits });
    for (const hit of hits) {
      if (highestSeverity === null || compareSeverity(hit.severity, highestSeverity) > 0) highestSeverity = hit.severity;
      categoryRank.set(hit.category, Math.max(categoryRank.get(hit.category) ?? -1, severityRank[hit.severity]));
    }
  }
  const map = <T>(pick: (event: NormalizedEvent) => T) => events.map(pick);
  return {
    total: events.length,
    unparsed: events.filter((event) => event.record === null).length,
    identity: {
      types: tally(map((e) => e.identityType)),
      arns: tally(map((e) => e.arn)),
      accounts: tally(map((e) => e.accountId)),
      actors: tally(map((e) => e.actor)),
      sessions: tally(map((e) => (e.identityType === 'AssumedRole' ? e.arn : ''))),
      accessKeys: tally(map((e) => e.accessKeyId)),
    },
    byCategory,
    byService: tally(map((e) => e.service)),
    byEventName: tally(map((e) => e.eventName)),
    flagged: flagged.sort((a, b) => compareHits(b.hits, a.hits) || a.time - b.time),
    failed: failed.sort((a, b) => a.time - b.time),
    accessDenied: failed.filter((event) => isAccessDenied(event.errorCode)).length,
    first,
    last,
    sourceIPs: tally(map((e) => e.sourceIPAddress)),
    userAgents: tally(map((e) => e.userAgent)),
    regions: tally(map((e) => e.region)),
    resources: touchedResources(events),
    highestSeverity,
    categories: [...categoryRank].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([category]) => category),
  };
}

function touchedResources(events: readonly NormalizedEvent[]): TouchedResource[] {
  const byKey = new Map<string, TouchedResource>();
  for (const event of events)
    for (const { kind, name } of requestResourcesOf(event.record)) {
      const key = `${kind}\u0000${name}`;
      const seen = byKey.get(key);
      if (seen) seen.count += 1;
      else byKey.set(key, { kind, name, count: 1 });
    }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

function compareHits(a: RuleHit[], b: RuleHit[]): number {
  const top = (hits: RuleHit[]) => Math.max(...hits.map((hit) => severityRank[hit.severity]));
  return top(a) - top(b);
}
