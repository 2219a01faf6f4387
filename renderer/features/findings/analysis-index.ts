import type { FetchAnalysis, FindingView, SourceView } from '../../../shared/api/analysis-contract';
import type { FindingsOf } from '../../../shared/filters/apply-filters';
import type { NormalizedEvent } from '../../../shared/records/types';

/** A finding with the value its filter chip carries (its title, numbered when two share one). */
export interface IndexedFinding extends FindingView {
  chipValue: string;
}

/** What the views look up in an analysis, built once per answer (never per keystroke or row). */
export interface AnalysisIndex {
  analysis: FetchAnalysis;
  findings: IndexedFinding[];
  /** The findings an event belongs to, by chip value: the filter's lookup. */
  findingsOf: FindingsOf;
  /** The enrichment of a source address, or undefined when the analysis did not see it. */
  sourceOf(ip: string): SourceView | undefined;
  /** Whether the event came from an address listed as a Tor exit at the event's time. */
  viaTorAtTime(eventId: string): boolean;
  /** Whether the event's flags are routine for its identity (against the baseline): shown de-emphasised. */
  isRoutine(eventId: string): boolean;
}

const none: readonly string[] = [];
const rank: Record<FindingView['severity'], number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** Indexes an analysis: chip values for its findings, events → findings, address → source. */
export function indexAnalysis(analysis: FetchAnalysis): AnalysisIndex {
  const seen = new Map<string, number>();
  // Most severe first, whatever order the answer came in (the engine's order within a severity).
  const ordered = [...analysis.findings].sort((a, b) => rank[b.severity] - rank[a.severity]);
  const findings = ordered.map((finding): IndexedFinding => {
    const n = (seen.get(finding.title) ?? 0) + 1;
    seen.set(finding.title, n);
    return { ...finding, chipValue: n === 1 ? finding.title : `${finding.title} (${n})` };
  });
  const byEvent = new Map<string, string[]>();
  const tor = new Set<string>();
  for (const finding of findings) {
    for (const id of finding.eventIDs) {
      const list = byEvent.get(id);
      if (list) list.push(finding.chipValue);
      else byEvent.set(id, [finding.chipValue]);
      if (finding.kind === 'tor-exit') tor.add(id);
    }
  }
  const sources = new Map(analysis.sources.map((source) => [source.ip, source]));
  const routine = new Set(analysis.routineEventIds ?? []);
  return {
    analysis,
    findings,
    findingsOf: (event: NormalizedEvent) => byEvent.get(event.id) ?? none,
    sourceOf: (ip) => sources.get(ip),
    viaTorAtTime: (eventId) => tor.has(eventId),
    isRoutine: (eventId) => routine.has(eventId),
  };
}
