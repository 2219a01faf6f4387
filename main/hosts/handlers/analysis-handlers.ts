import { analyzeRecords } from '../../../shared/analysis/analyze';
import type { analysisContract, FetchAnalysis } from '../../../shared/api/analysis-contract';
import type { Mute } from '../../../shared/baseline/mutes';
import { muteStatus } from '../../../shared/baseline/mutes';
import type { DatasetId } from '../../../shared/intel/types';
import { normalizeEvent } from '../../../shared/records/normalize';
import { isDemoAccount, withDemoTorExits } from '../../services/demo/demo-intel';
import type { FetchManager } from '../../services/fetch/fetch-manager';
import { loadIntel } from '../../services/intel/load-enricher';
import type { HostContext } from '../host-context';
import type { HandlerMap } from './handler-map';

const allDatasets: DatasetId[] = ['ip-country', 'ip-asn', 'aws-ip-ranges', 'tor-exits'];

/**
 * The app's analysis: the fetch's stored events, normalised as the renderer normalises them (so
 * event ids match), through the engine `trailcase analyze` runs, with the data folder's
 * enrichment loaded once per host (and again only when a data set is replaced). The last answer
 * per fetch is kept while its event count and the data sets stay the same.
 */
export function createFetchAnalyzer(ctx: HostContext, manager: Pick<FetchManager, 'events'>): (fetchId: string, baselineFetchId?: string | null, mutes?: readonly Mute[]) => Promise<FetchAnalysis> {
  const last = new Map<string, { key: string; answer: FetchAnalysis }>();
  return async (fetchId, baselineFetchId, mutes = []) => {
    const { events: fetched, total } = manager.events(fetchId, 0, Number.MAX_SAFE_INTEGER);
    // The identity's earlier history, fetched as a fetch of its own (H1: shared/baseline/baseline-range.ts).
    const earlier = baselineFetchId ? manager.events(baselineFetchId, 0, Number.MAX_SAFE_INTEGER) : null;
    const intel = await loadIntel(ctx.dataDir);
    const key = `${total}|${baselineFetchId ?? ''}:${earlier?.total ?? ''}|${JSON.stringify(muteStatus(mutes, Date.now()))}|${intel.status.datasets.map((d) => `${d.id}:${d.date}:${d.entries}`).join(',')}`;
    const cached = last.get(fetchId);
    if (cached?.key === key) return cached.answer;
    const events = fetched.map((item) => normalizeEvent(item.raw, { region: item.region, via: item.via ?? null }));
    // The demo account's story carries its own Tor exits, named as the demo's data (as in the CLI).
    const enricher = isDemoAccount(events) ? withDemoTorExits(intel.enricher) : intel.enricher;
    const baseline = earlier ? earlier.events.map((item) => normalizeEvent(item.raw, { region: item.region, via: item.via ?? null })) : null;
    const analysis = analyzeRecords(events, { enricher, baseline, mutes });
    const loaded = new Set(analysis.datasets.map((dataset) => dataset.id));
    const answer: FetchAnalysis = {
      fetchId,
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
    last.set(fetchId, { key, answer });
    return answer;
  };
}

/** The analysis method: a thin call into the analyzer (which the ticket's submit shares). */
export function createAnalysisHandlers(analyze: (fetchId: string, baselineFetchId?: string | null, mutes?: readonly Mute[]) => Promise<FetchAnalysis>): HandlerMap<typeof analysisContract> {
  return { analyzeFetch: ({ fetchId, baselineFetchId, mutes }) => analyze(fetchId, baselineFetchId, mutes) };
}
