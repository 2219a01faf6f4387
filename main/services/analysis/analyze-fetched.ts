import { analyzeRecords } from '../../../shared/analysis/analyze';
import type { FetchAnalysis } from '../../../shared/api/analysis-contract';
import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import type { Mute } from '../../../shared/baseline/mutes';
import type { DatasetId } from '../../../shared/intel/types';
import { normalizeEvent } from '../../../shared/records/normalize';
import { isDemoAccount, withDemoTorExits } from '../demo/demo-intel';
import { loadIntel } from '../intel/load-enricher';

/** What one analysis needs: plain data, so that it crosses to a worker thread as it is. */
export interface AnalysisInput {
  dataDir: string;
  fetchId: string;
  events: readonly Pick<FetchedEvent, 'raw' | 'region' | 'via'>[];
  /** The identity's earlier history (a fetch of its own), or null. */
  baseline: readonly Pick<FetchedEvent, 'raw' | 'region' | 'via'>[] | null;
  mutes: readonly Mute[];
}

const allDatasets: DatasetId[] = ['ip-country', 'ip-asn', 'aws-ip-ranges', 'tor-exits'];

const normalizeAll = (items: AnalysisInput['events']) => items.map((item) => normalizeEvent(item.raw, { region: item.region, via: item.via ?? null }));

/**
 * The app's analysis of a fetch's stored events: normalised as the renderer normalises them (so
 * event ids match), through the engine `trailcase analyze` runs, with the data folder's
 * enrichment (loaded once per process, again only when a data set is replaced).
 */
export async function analyzeFetched(input: AnalysisInput): Promise<FetchAnalysis> {
  const intel = await loadIntel(input.dataDir);
  const events = normalizeAll(input.events);
  // The demo account's story carries its own Tor exits, named as the demo's data (as in the CLI).
  const enricher = isDemoAccount(events) ? withDemoTorExits(intel.enricher) : intel.enricher;
  const baseline = input.baseline ? normalizeAll(input.baseline) : null;
  const analysis = analyzeRecords(events, { enricher, baseline, mutes: input.mutes });
  const loaded = new Set(analysis.datasets.map((dataset) => dataset.id));
  return {
    fetchId: input.fetchId,
    eventCount: events.length,
    rulePack: analysis.rulePack,
    findings: analysis.findings,
    sources: analysis.sources,
    datasets: analysis.datasets,
    missing: allDatasets.filter((id) => !loaded.has(id)),
    notes: [...analysis.notes, ...intel.status.problems],
    baseline: analysis.baseline,
    counts: analysis.counts,
    groups: analysis.groups,
    routineEventIds: analysis.events.filter((event) => event.routine).map((event) => event.eventID),
  };
}
