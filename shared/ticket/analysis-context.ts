import type { AnalyzedSource, Finding } from '../analysis/types';
import type { DatasetInfo } from '../intel/types';
import type { NormalizedEvent } from '../records/types';

/** What the analysis of the whole fetch adds to a draft of some of its events. */
export interface DraftAnalysis {
  findings: ReadonlyArray<Pick<Finding, 'kind' | 'severity' | 'title' | 'summaryParts' | 'eventIDs' | 'attack'>>;
  sources: ReadonlyArray<Pick<AnalyzedSource, 'ip' | 'country' | 'asn' | 'asOrg' | 'aws' | 'awsRegion' | 'tor' | 'kind'>>;
  datasets: ReadonlyArray<Pick<DatasetInfo, 'id' | 'name' | 'date'>>;
}

/** A finding as the draft tells it: how many of its events are in the ticket. */
export interface DraftFinding {
  severity: Finding['severity'];
  kind: string;
  title: string;
  summaryParts: Finding['summaryParts'];
  attack: string[];
  selected: number;
  total: number;
}

/** A selected source address with what the data sets say about it. */
export type DraftSource = DraftAnalysis['sources'][number] & { events: number };

export interface DraftEnrichment {
  findings: DraftFinding[];
  sources: DraftSource[];
  /** `name (date)` of each data set used; empty when no analysis was given. */
  datasets: string[];
  /** Data sets not loaded: their answers read as unknown. */
  missing: string[];
}

const allDatasets = ['ip-country', 'ip-asn', 'aws-ip-ranges', 'tor-exits'] as const;

/** The findings that name at least one selected event, and the selected events' addresses, enriched. */
export function draftEnrichment(events: readonly NormalizedEvent[], analysis: DraftAnalysis | null | undefined): DraftEnrichment {
  if (!analysis) return { findings: [], sources: [], datasets: [], missing: [] };
  const ids = new Set(events.map((event) => event.id));
  const findings = analysis.findings
    .map((finding) => ({ finding, selected: finding.eventIDs.reduce((n, id) => n + (ids.has(id) ? 1 : 0), 0) }))
    .filter(({ selected }) => selected > 0)
    .map(({ finding, selected }) => ({
      severity: finding.severity,
      kind: finding.kind,
      title: finding.title,
      summaryParts: finding.summaryParts,
      attack: [...finding.attack],
      selected,
      total: finding.eventIDs.length,
    }));
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.sourceIPAddress, (counts.get(event.sourceIPAddress) ?? 0) + 1);
  const sources = analysis.sources
    .filter((source) => counts.has(source.ip))
    .map((source) => ({ ...source, events: counts.get(source.ip)! }))
    .sort((a, b) => b.events - a.events);
  const loaded = new Set(analysis.datasets.map((dataset) => dataset.id));
  return {
    findings,
    sources,
    datasets: analysis.datasets.map((dataset) => `${dataset.name} (${dataset.date ? dataset.date.slice(0, 10) : 'undated'})`),
    missing: allDatasets.filter((id) => !loaded.has(id)),
  };
}
