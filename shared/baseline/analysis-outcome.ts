import type { AnalysisEvent } from '../analysis/analysis-event';
import type { BaselineField } from '../analysis/baseline';
import { toAnalysisFlag } from '../analysis/flags';
import { toFinding } from '../analysis/findings/finding';
import type { AnalysisFlag, Finding } from '../analysis/types';
import { detectConcurrentSessions } from './concurrent';
import type { FlagGroup, GroupInput } from './groups';
import { groupFlags } from './groups';
import type { IdentityBaseline } from './identity-baseline';
import { mainResourceOf } from './main-resource';
import type { Mute } from './mutes';
import { applyMutes, createMuteLookup, muteStatus } from './mutes';
import { judgeFlagged, raisedSeverity } from './routine';

export interface OutcomeInput {
  baseline: IdentityBaseline | null;
  newFields: ReadonlyArray<readonly BaselineField[]> | null;
  /** The events with a time, in time order. */
  timed: readonly AnalysisEvent[];
  mutes: readonly Mute[];
  now: number;
}

export interface BaselineOutcome {
  /** Per flagged event (by index), its flags: raised when something is new, marked when muted. */
  flags: Map<number, AnalysisFlag[]>;
  /** Per event (by index), whether its flags are routine for its identity. */
  routine: boolean[];
  groups: FlagGroup[];
  counts: { flagged: number; routine: number; raised: number; muted: number };
  mutes: Array<Mute & { active: boolean }>;
  findings: Finding[];
}

/**
 * What the baseline and the analyst's mutes make of the flags: each flagged event routine or
 * not, a flag on something new raised (its reason says why), muted flags marked, repeated flags
 * grouped, and concurrent activity from the usual and a new address found.
 */
export function baselineOutcome(events: readonly AnalysisEvent[], input: OutcomeInput): BaselineOutcome {
  const { baseline, newFields } = input;
  const muteOf = createMuteLookup(input.mutes, input.now);
  const flags = new Map<number, AnalysisFlag[]>();
  const routine: boolean[] = new Array(events.length).fill(false);
  const grouping: GroupInput[] = [];
  const counts = { flagged: 0, routine: 0, raised: 0, muted: 0 };
  for (const item of events) {
    if (item.flags.length === 0) continue;
    counts.flagged += 1;
    let own = item.flags.map(toAnalysisFlag);
    if (baseline && newFields) {
      const judged = judgeFlagged(item, newFields[item.index]!, baseline);
      routine[item.index] = judged.routine;
      if (judged.routine) counts.routine += 1;
      if (judged.why && !judged.routine) {
        own = own.map((flag) => {
          const severity = judged.raise ? raisedSeverity(flag.severity) : flag.severity;
          if (severity !== flag.severity) counts.raised += 1;
          const raised = severity !== flag.severity ? { severity, raisedFrom: flag.severity } : {};
          const suffix = severity !== flag.severity ? ` Severity raised from ${flag.severity}.` : '';
          return { ...flag, ...raised, reason: `${flag.reason} ${judged.why}${suffix}` };
        });
      }
    }
    const marked = applyMutes(own, item.identity, muteOf);
    counts.muted += marked.muted;
    flags.set(item.index, marked.flags);
    grouping.push({ eventID: item.event.id, time: item.event.time, eventName: item.event.eventName, resource: mainResourceOf(item.event), flags: marked.flags, routine: routine[item.index]! });
  }
  const timeOf = (item: GroupInput) => (Number.isFinite(item.time) ? item.time : Number.MAX_VALUE);
  grouping.sort((a, b) => timeOf(a) - timeOf(b));
  const findings =
    baseline && newFields
      ? detectConcurrentSessions(input.timed, newFields, baseline).map(({ parties, ...draft }) => ({
          ...toFinding(draft),
          parties: { usual: parties.usual.map(({ event }) => event.id), new: parties.fresh.map(({ event }) => event.id) },
        }))
      : [];
  return { flags, routine, groups: groupFlags(grouping), counts, mutes: muteStatus(input.mutes, input.now), findings };
}
