import type { AnalysisEvent } from '../analysis/analysis-event';
import type { Frequency } from './frequency';
import { frequencyOf } from './frequency';
import type { StatField } from './fields';
import { statFieldNames, statValues } from './fields';
import { onBehalfOf } from './on-behalf';

/** One value an identity used: when first and last, how many calls, on how many days, and the label. */
export interface ValueStats {
  value: string;
  first: string;
  last: string;
  count: number;
  days: number;
  label: Frequency;
}

/** One partition of an identity's calls (its own, or AWS services' on its behalf). */
export interface PartitionStats {
  events: number;
  activeDays: number;
  first: string | null;
  last: string | null;
  /** Per field, the values most used first (at most `maxValues`; `more` says how many were left out). */
  fields: Record<StatField, ValueStats[]>;
  more: Partial<Record<StatField, number>>;
}

export interface IdentityStats {
  identity: string;
  own: PartitionStats;
  /** Calls AWS services made on the identity's behalf (`invokedBy`, `AWS Internal`): kept apart, never "new". */
  onBehalf: PartitionStats & { services: ValueStats[] };
}

export interface BaselineStats {
  start: string | null;
  end: string | null;
  events: number;
  /** Calendar days (UTC) from the first to the last baseline event. */
  days: number;
  identities: IdentityStats[];
}

const dayMs = 86_400_000;
const maxValues = 100;

interface Tally {
  first: number;
  last: number;
  count: number;
  days: Set<number>;
  /** The day last added (records come in time order, often: most calls skip the set). */
  lastDay: number;
}

/** The counts of one partition, before labels. */
export class PartitionTally {
  events = 0;
  readonly days = new Set<number>();
  first = Infinity;
  last = -Infinity;
  readonly values: Array<Map<string, Tally>> = statFieldNames.map(() => new Map());

  add(values: readonly string[], time: number): void {
    this.events += 1;
    const timed = Number.isFinite(time);
    const day = timed ? Math.floor(time / dayMs) : NaN;
    if (timed) {
      this.days.add(day);
      if (time < this.first) this.first = time;
      if (time > this.last) this.last = time;
    }
    for (let f = 0; f < values.length; f++) {
      const value = values[f]!;
      if (!value) continue;
      const map = this.values[f]!;
      let tally = map.get(value);
      if (!tally) map.set(value, (tally = { first: Infinity, last: -Infinity, count: 0, days: new Set(), lastDay: NaN }));
      tally.count += 1;
      if (timed) {
        if (day !== tally.lastDay) {
          tally.days.add(day);
          tally.lastDay = day;
        }
        if (time < tally.first) tally.first = time;
        if (time > tally.last) tally.last = time;
      }
    }
  }

  /** The label of a value of a field, or null when the partition never showed it. */
  label(field: number, value: string): Frequency | null {
    const tally = this.values[field]!.get(value);
    return tally ? frequencyOf(tally.days.size, this.days.size) : null;
  }

  has(field: number, value: string): boolean {
    return this.values[field]!.has(value);
  }
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

function valueStats(map: Map<string, Tally>, activeDays: number): ValueStats[] {
  return [...map]
    .map(([value, tally]) => ({ value, first: iso(tally.first), last: iso(tally.last), count: tally.count, days: tally.days.size, label: frequencyOf(tally.days.size, activeDays) }))
    .sort((a, b) => b.days - a.days || b.count - a.count || a.value.localeCompare(b.value));
}

export function partitionStats(tally: PartitionTally): PartitionStats {
  const fields = {} as Record<StatField, ValueStats[]>;
  const more: Partial<Record<StatField, number>> = {};
  statFieldNames.forEach((field, f) => {
    const all = valueStats(tally.values[f]!, tally.days.size);
    fields[field] = all.slice(0, maxValues);
    if (all.length > maxValues) more[field] = all.length - maxValues;
  });
  return {
    events: tally.events,
    activeDays: tally.days.size,
    first: Number.isFinite(tally.first) ? iso(tally.first) : null,
    last: Number.isFinite(tally.last) ? iso(tally.last) : null,
    fields,
    more,
  };
}

/** An identity's two partitions while counting. */
export interface IdentityTally {
  own: PartitionTally;
  onBehalf: PartitionTally;
  services: Map<string, Tally>;
}

/** Counts every baseline event once, per identity, its own calls apart from AWS services' on its behalf. */
export function tallyBaseline(events: readonly AnalysisEvent[]): { byIdentity: Map<string, IdentityTally>; all: PartitionTally; first: number; last: number } {
  const byIdentity = new Map<string, IdentityTally>();
  const all = new PartitionTally();
  let first = Infinity;
  let last = -Infinity;
  for (const item of events) {
    let identity = byIdentity.get(item.identity);
    if (!identity) byIdentity.set(item.identity, (identity = { own: new PartitionTally(), onBehalf: new PartitionTally(), services: new Map() }));
    const time = item.event.time;
    if (Number.isFinite(time)) {
      if (time < first) first = time;
      if (time > last) last = time;
    }
    const values = statValues(item);
    const service = onBehalfOf(item.event);
    if (service) {
      identity.onBehalf.add(values, time);
      let tally = identity.services.get(service);
      if (!tally) identity.services.set(service, (tally = { first: Infinity, last: -Infinity, count: 0, days: new Set(), lastDay: NaN }));
      tally.count += 1;
      if (Number.isFinite(time)) {
        tally.days.add(Math.floor(time / dayMs));
        tally.first = Math.min(tally.first, time);
        tally.last = Math.max(tally.last, time);
      }
    } else {
      identity.own.add(values, time);
      all.add(values, time);
    }
  }
  return { byIdentity, all, first, last };
}

/** The figures of a tallied baseline, for the JSON and the report. */
export function statsOf(tallied: ReturnType<typeof tallyBaseline>, events: number): BaselineStats {
  const { first, last } = tallied;
  const identities = [...tallied.byIdentity].map(([identity, tally]) => {
    const onBehalf = partitionStats(tally.onBehalf);
    return { identity, own: partitionStats(tally.own), onBehalf: { ...onBehalf, services: valueStats(tally.services, tally.onBehalf.days.size) } };
  });
  return {
    start: Number.isFinite(first) ? iso(first) : null,
    end: Number.isFinite(last) ? iso(last) : null,
    events,
    days: Number.isFinite(first) ? Math.floor(last / dayMs) - Math.floor(first / dayMs) + 1 : 0,
    identities: identities.sort((a, b) => b.own.events + b.onBehalf.events - (a.own.events + a.onBehalf.events)),
  };
}
