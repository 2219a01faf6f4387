import { maxSeverity } from '../analysis/severity';
import type { Severity } from '../rules/types';
import { shortResourceName } from './main-resource';

/** One flagged event as grouping sees it. */
export interface GroupInput {
  eventID: string;
  /** Milliseconds since the epoch (NaN when unknown). */
  time: number;
  eventName: string;
  /** The main resource (ARN or name), '' when none. */
  resource: string;
  flags: ReadonlyArray<{ ruleId: string; severity: Severity; title: string; muted?: unknown }>;
  routine: boolean;
}

/** Repeated flags as one line: the same rule on the same call and resource. */
export interface FlagGroup {
  ruleId: string;
  eventName: string;
  resource: string;
  count: number;
  first: string | null;
  last: string | null;
  /** Every event of the group is routine for its identity. */
  routine: boolean;
  /** How many of them are routine. */
  routineCount: number;
  /** How many of the group's flags are muted for their identity. */
  mutedCount: number;
  /** The rule's title and the highest severity among the group's flags. */
  title: string;
  severity: Severity;
  eventIds: string[];
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/** Groups flags by rule, event name and resource, in the order each group first appears; events in input order. */
export function groupFlags(items: readonly GroupInput[]): FlagGroup[] {
  type Group = FlagGroup & { from: number; to: number };
  // Rule, then call, then resource: no key string is built per flag (this runs on every flag of a file).
  const byRule = new Map<string, Map<string, Map<string, Group>>>();
  const groups: Group[] = [];
  for (const item of items) {
    const { flags } = item;
    for (let i = 0; i < flags.length; i++) {
      const flag = flags[i]!;
      const { ruleId } = flag;
      let repeated = false;
      for (let j = 0; j < i && !repeated; j++) repeated = flags[j]!.ruleId === ruleId;
      if (repeated) continue;
      let byName = byRule.get(ruleId);
      if (!byName) byRule.set(ruleId, (byName = new Map()));
      let byResource = byName.get(item.eventName);
      if (!byResource) byName.set(item.eventName, (byResource = new Map()));
      let group = byResource.get(item.resource);
      if (!group) {
        group = { ruleId, eventName: item.eventName, resource: item.resource, count: 0, first: null, last: null, routine: true, routineCount: 0, mutedCount: 0, title: flag.title, severity: flag.severity, eventIds: [], from: Infinity, to: -Infinity };
        byResource.set(item.resource, group);
        groups.push(group);
      }
      group.count += 1;
      group.severity = maxSeverity(group.severity, flag.severity);
      if (flag.muted) group.mutedCount += 1;
      group.eventIds.push(item.eventID);
      if (item.routine) group.routineCount += 1;
      else group.routine = false;
      if (Number.isFinite(item.time)) {
        group.from = Math.min(group.from, item.time);
        group.to = Math.max(group.to, item.time);
      }
    }
  }
  return groups.map(({ from, to, ...group }) => ({ ...group, first: iso(from), last: iso(to) }));
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayOf = (iso: string) => {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]}`;
};

/** "UpdateFunctionConfiguration on billing-sync, 12 times, 18 Nov – 1 Dec, routine for this identity" (values as plain text). */
export function groupLine(group: FlagGroup): string {
  const on = group.resource ? ` on ${shortResourceName(group.resource)}` : '';
  return `${group.eventName}${on}${groupTail(group)}`;
}

/** The line after the call and resource (our words only): ", 12 times, 18 Nov – 1 Dec, routine for this identity". */
export function groupTail(group: FlagGroup): string {
  const times = group.count === 1 ? 'once' : `${group.count.toLocaleString('en-US')} times`;
  const first = group.first ? dayOf(group.first) : '';
  const last = group.last ? dayOf(group.last) : '';
  const span = first ? `, ${first === last ? first : `${first} – ${last}`}` : '';
  const routine = group.routine ? ', routine for this identity' : group.routineCount > 0 ? `, ${group.routineCount} of them routine` : '';
  const muted = group.mutedCount > 0 ? `, ${group.mutedCount === group.count ? 'muted' : `${group.mutedCount} muted`}` : '';
  return `, ${times}${span}${routine}${muted}`;
}
