import type { DatasetInfo, IpEnricher } from '../intel/types';
import type { NormalizedEvent } from '../records/types';
import { flagEventWith } from '../rules/engine';
import type { RulePack } from '../rules/rule';
import { rulePack as builtInPack } from '../rules/rule-pack';
import type { RuleHit } from '../rules/types';
import { createIntelLookup, prepareEvents } from './analysis-event';
import type { AnalysisEvent } from './analysis-event';
import type { BaselineField } from './baseline';
import { baselineOutcome } from '../baseline/analysis-outcome';
import type { Mute } from '../baseline/mutes';
import { buildIdentityBaseline } from '../baseline/identity-baseline';
import type { IdentityBaseline } from '../baseline/identity-baseline';
import { detectors } from './findings/detectors';
import type { DetectorContext } from './findings/detector';
import { groupBy, toFinding } from './findings/finding';
import { compareSeverity } from './severity';
import { sourcesOf } from './sources';
import type { Analysis, Finding } from './types';

export interface AnalyzeOptions {
  /** Where addresses are looked up; an enricher without data answers null (unknown). */
  enricher: IpEnricher;
  /** The same identity's earlier records, for `new`; null or absent: no baseline. */
  baseline?: readonly NormalizedEvent[] | null;
  /** The rule pack (the built-in one by default). */
  rulePack?: RulePack;
  /** Flags already computed (the app prepares them once); by default the pack's engine runs. */
  flagsOf?: (event: NormalizedEvent) => RuleHit[];
  /** The analyst's mutes (rule for an identity, reason, expiry), applied as marks: a muted flag stays. */
  mutes?: readonly Mute[];
  /** The time mutes are judged at (ms); now by default. */
  now?: number;
}

/** The events with a time, in time order; files are usually sorted already, which is checked first. */
function inTimeOrder(events: readonly AnalysisEvent[]): AnalysisEvent[] {
  const timed = events.filter(({ event }) => Number.isFinite(event.time));
  for (let i = 1; i < timed.length; i++) {
    if (timed[i]!.event.time < timed[i - 1]!.event.time) return timed.sort((a, b) => a.event.time - b.event.time || a.index - b.index);
  }
  return timed;
}

function byFinding(a: Finding, b: Finding): number {
  return compareSeverity(a.severity, b.severity) || (a.start ?? '').localeCompare(b.start ?? '') || a.kind.localeCompare(b.kind);
}

/**
 * What a set of events means (DESIGN 2.6): each event's flags and what is new against the
 * baseline, each source address's enrichment, and the findings that span events. Pure: the CLI
 * calls it on a records file, the app on the events it holds; the same answer for both.
 */
export function analyzeRecords(events: readonly NormalizedEvent[], options: AnalyzeOptions): Analysis {
  const pack = options.rulePack ?? builtInPack;
  const flagsOf = options.flagsOf ?? ((event: NormalizedEvent) => flagEventWith(pack, event));
  const lookup = createIntelLookup(options.enricher);
  const prepared = prepareEvents(events, flagsOf, lookup);
  const datasets: DatasetInfo[] = [...options.enricher.datasets()];
  const loaded = new Set(datasets.map((dataset) => dataset.id));

  let baseline: Analysis['baseline'] = null;
  let newFields: BaselineField[][] | null = null;
  let built: IdentityBaseline | null = null;
  if (options.baseline) {
    const earlier = buildIdentityBaseline(prepareEvents(options.baseline, () => [], lookup));
    built = earlier;
    baseline = { start: earlier.start, end: earlier.end, events: earlier.events };
    newFields = prepared.map((item) => earlier.newFields(item));
  }

  const timed = inTimeOrder(prepared);
  const notes: string[] = [];
  const context: DetectorContext = {
    has: (id) => loaded.has(id),
    note: (text) => void (notes.includes(text) || notes.push(text)),
    newFields,
    timed,
    byActor: groupBy(timed, (item) => item.actor),
  };
  const outcome = baselineOutcome(prepared, { baseline: built, newFields, timed, mutes: options.mutes ?? [], now: options.now ?? Date.now() });
  const findings = [...detectors.flatMap((detect) => detect(prepared, context)).map(toFinding), ...outcome.findings].sort(byFinding);

  return {
    rulePack: pack.version,
    baseline,
    baselineStats: built ? built.stats() : null,
    events: prepared.map(({ event, index }) => ({
      eventID: event.id,
      eventTime: typeof event.record?.eventTime === 'string' ? event.record.eventTime : '',
      eventName: event.eventName,
      flags: outcome.flags.get(index) ?? [],
      new: newFields ? newFields[index]! : [],
      routine: outcome.routine[index] === true,
    })),
    groups: outcome.groups,
    counts: outcome.counts,
    mutes: outcome.mutes,
    sources: sourcesOf(prepared),
    findings,
    datasets,
    notes,
  };
}
