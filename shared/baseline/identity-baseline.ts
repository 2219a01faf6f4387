import type { AnalysisEvent } from '../analysis/analysis-event';
import type { Baseline, BaselineField } from '../analysis/baseline';
import type { Frequency } from './frequency';
import type { StatField } from './fields';
import { newFieldNames, statFieldNames, statValues } from './fields';
import { onBehalfOf } from './on-behalf';
import type { BaselineStats } from './stats';
import type { PartitionTally } from './stats';
import { statsOf, tallyBaseline } from './stats';

const indexOf = new Map(statFieldNames.map((field, index) => [field, index]));

/** The baseline as the analysis asks it: what is new, how often a value was used, and the figures. */
export interface IdentityBaseline extends Baseline {
  /** How often the identity itself (not AWS services on its behalf) used a value; null: never. */
  label(identity: string, field: StatField, value: string): Frequency | null;
  /** The identity's own values of a field labelled frequent. */
  frequentValues(identity: string, field: StatField): string[];
  /** Whether the identity has calls of its own in the baseline (else the whole baseline stands in). */
  knows(identity: string): boolean;
  stats(): BaselineStats;
}

/**
 * An identity's earlier records, counted once: per identity and field, first and last seen, calls,
 * days and label. Calls AWS services made on an identity's behalf are counted apart and an event
 * of that kind never has anything new. An identity absent from the baseline (a role session the
 * user opened, say) is compared with all the baseline's own calls, as the earlier code did.
 */
export function buildIdentityBaseline(events: readonly AnalysisEvent[]): IdentityBaseline {
  const tallied = tallyBaseline(events);
  const { byIdentity, all } = tallied;
  const own = (identity: string): PartitionTally => {
    const tally = byIdentity.get(identity)?.own;
    return tally && tally.events > 0 ? tally : all;
  };
  let stats: BaselineStats | null = null;
  return {
    start: Number.isFinite(tallied.first) ? new Date(tallied.first).toISOString() : '',
    end: Number.isFinite(tallied.last) ? new Date(tallied.last).toISOString() : '',
    events: events.length,
    newFields(item): BaselineField[] {
      if (onBehalfOf(item.event)) return [];
      const profile = own(item.identity);
      const values = statValues(item);
      const fresh: BaselineField[] = [];
      newFieldNames.forEach((field, f) => {
        const value = values[f]!;
        if (value && !profile.has(f, value)) fresh.push(field);
      });
      return fresh;
    },
    label: (identity, field, value) => (value ? own(identity).label(indexOf.get(field)!, value) : null),
    frequentValues(identity, field) {
      const f = indexOf.get(field)!;
      const profile = own(identity);
      return [...profile.values[f]!.keys()].filter((value) => profile.label(f, value) === 'frequent');
    },
    knows: (identity) => (byIdentity.get(identity)?.own.events ?? 0) > 0,
    stats: () => (stats ??= statsOf(tallied, events.length)),
  };
}
