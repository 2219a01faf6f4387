import type { DatasetInfo, IpEnricher } from '../intel/types';
import type { NormalizedEvent } from '../records/types';
import { flagEventWith } from '../rules/engine';
import type { RulePack } from '../rules/rule';
import { rulePack as builtInPack } from '../rules/rule-pack';
import type { RuleHit } from '../rules/types';
import { createIntelLookup, prepareEvents } from './analysis-event';
import type { AnalysisEvent } from './analysis-event';
import { buildBaseline } from './baseline';
import type { BaselineField } from './baseline';
import { toAnalysisFlag } from './flags';
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
  if (options.baseline) {
    const built = buildBaseline(prepareEvents(options.baseline, () => [], lookup));
    baseline = { start: built.start, end: built.end, events: built.events };
    newFields = prepared.map((item) => built.newFields(item));
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
  const findings = detectors.flatMap((detect) => detect(prepared, context)).map(toFinding).sort(byFinding);

  return {
    rulePack: pack.version,
    baseline,
    events: prepared.map(({ event, flags, index }) => ({
      eventID: event.id,
      eventTime: typeof event.record?.eventTime === 'string' ? event.record.eventTime : '',
      eventName: event.eventName,
      flags: flags.map(toAnalysisFlag),
      new: newFields ? newFields[index]! : [],
    })),
    sources: sourcesOf(prepared),
    findings,
    datasets,
    notes,
  };
}
