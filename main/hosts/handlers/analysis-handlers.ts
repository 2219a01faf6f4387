import type { analysisContract, FetchAnalysis } from '../../../shared/api/analysis-contract';
import type { Mute } from '../../../shared/baseline/mutes';
import { muteStatus } from '../../../shared/baseline/mutes';
import { createAnalysisRunner } from '../../services/analysis/analysis-runner';
import type { AnalysisRunner } from '../../services/analysis/analysis-runner';
import type { FetchManager } from '../../services/fetch/fetch-manager';
import { storeStamp } from '../../services/intel/intel-files';
import type { HostContext } from '../host-context';
import type { HandlerMap } from './handler-map';

export type FetchAnalyzer = ((fetchId: string, baselineFetchId?: string | null, mutes?: readonly Mute[]) => Promise<FetchAnalysis>) & {
  /** Ends the analysis worker (host shutdown). */
  close(): Promise<void>;
};

/**
 * The app's analysis: the fetch's stored events, sent to the analysis worker
 * (main/services/analysis), which runs the engine `trailcase analyze` runs off the host's main
 * thread. The last answer per fetch is kept while its event count, baseline, mutes and the stored
 * data sets stay the same; a second call for the same question while one runs shares it.
 */
export function createFetchAnalyzer(ctx: HostContext, manager: Pick<FetchManager, 'events'>, runner: AnalysisRunner = createAnalysisRunner()): FetchAnalyzer {
  const last = new Map<string, { key: string; answer: FetchAnalysis }>();
  const running = new Map<string, { key: string; answer: Promise<FetchAnalysis> }>();
  const analyze = async (fetchId: string, baselineFetchId?: string | null, mutes: readonly Mute[] = []) => {
    const { events, total } = manager.events(fetchId, 0, Number.MAX_SAFE_INTEGER);
    // The identity's earlier history, fetched as a fetch of its own (H1: shared/baseline/baseline-range.ts).
    const earlier = baselineFetchId ? manager.events(baselineFetchId, 0, Number.MAX_SAFE_INTEGER) : null;
    // The data sets' stamp (four stat calls): the worker reloads them when it changes.
    const key = `${total}|${baselineFetchId ?? ''}:${earlier?.total ?? ''}|${JSON.stringify(muteStatus(mutes, Date.now()))}|${await storeStamp(ctx.dataDir)}`;
    const cached = last.get(fetchId);
    if (cached?.key === key) return cached.answer;
    const inFlight = running.get(fetchId);
    if (inFlight?.key === key) return inFlight.answer;
    const answer = runner.run({ dataDir: ctx.dataDir, fetchId, events: events.map(({ raw, region, via }) => ({ raw, region, via })), baseline: earlier ? earlier.events.map(({ raw, region, via }) => ({ raw, region, via })) : null, mutes: [...mutes] });
    running.set(fetchId, { key, answer });
    try {
      const result = await answer;
      last.set(fetchId, { key, answer: result });
      return result;
    } finally {
      if (running.get(fetchId)?.answer === answer) running.delete(fetchId);
    }
  };
  return Object.assign(analyze, { close: () => runner.close() });
}

/** The analysis method: a thin call into the analyzer (which the ticket's submit shares). */
export function createAnalysisHandlers(analyze: (fetchId: string, baselineFetchId?: string | null, mutes?: readonly Mute[]) => Promise<FetchAnalysis>): HandlerMap<typeof analysisContract> {
  return { analyzeFetch: ({ fetchId, baselineFetchId, mutes }) => analyze(fetchId, baselineFetchId, mutes) };
}
