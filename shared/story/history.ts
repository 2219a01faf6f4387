import type { NormalizedEvent } from '../records/types';

const DAY = 86_400_000;

/** What the events show of the identity's habits, when the selection holds its earlier days. */
export interface History {
  /** The user name the story is about ('' when none). */
  subject: string;
  /** Same actor, same call, same address on at least `routineDays` days of the selection. */
  isRoutine(event: NormalizedEvent): boolean;
}

/** How many days the same call from the same address makes it routine. */
export const routineDays = 3;

const utcDay = (time: number) => Math.floor(time / DAY);
const habitKey = (event: NormalizedEvent) => `${event.actor}\u0000${event.eventName}\u0000${event.sourceIPAddress}`;

/** The user name most events name (an IAM user's), else the most frequent actor. */
function subjectOf(events: readonly NormalizedEvent[]): string {
  const counts = new Map<string, number>();
  for (const event of events) {
    const name = event.identityType === 'IAMUser' ? event.record?.userIdentity?.userName : undefined;
    const key = typeof name === 'string' && name ? name : '';
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) for (const event of events) if (event.actor) counts.set(event.actor, (counts.get(event.actor) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [name, count] of counts) if (count > most) [best, most] = [name, count];
  return best;
}

/**
 * Routine within the selection itself: a call the actor made the same way, from the same
 * address, on several days. `routineIds` adds what an analysis against a longer baseline judged
 * routine.
 */
export function readHistory(events: readonly NormalizedEvent[], routineIds: ReadonlySet<string> = new Set()): History {
  const days = new Map<string, Set<number>>();
  for (const event of events) {
    if (!Number.isFinite(event.time)) continue;
    const key = habitKey(event);
    const set = days.get(key) ?? new Set<number>();
    set.add(utcDay(event.time));
    days.set(key, set);
  }
  return {
    subject: subjectOf(events),
    isRoutine: (event) => routineIds.has(event.id) || (days.get(habitKey(event))?.size ?? 0) >= routineDays,
  };
}

/** Whether a value looks like an internet address (not `AWS Internal` or a service name). */
export function isAddress(value: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(value) || (/^[0-9a-f:]+$/i.test(value) && value.includes(':'));
}

/** Whole days between two times, rounded down. */
export const daysBetween = (from: number, to: number): number => Math.floor((to - from) / DAY);
