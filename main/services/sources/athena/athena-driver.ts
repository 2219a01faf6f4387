import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../../shared/api/errors';
import type { FetchSource } from '../../../../shared/api/fetch-contract';
import type { SourceDriver } from '../../fetch/source-driver';
import { connectAthena } from './athena-connection';
import { toAthenaApiError } from './athena-errors';
import { fetchAthena } from './athena-source';
import { DEFAULT_MAX_COST_USD, describeCost } from './cost-estimate';
import type { CostEstimate } from './cost-estimate';

type AthenaSource = Extract<FetchSource, { kind: 'athena' }>;

/**
 * The Athena source for the app's fetch manager: one query per run, each page of results stored
 * as a unit as it arrives. The query's id is kept for Resume, which reads that execution's results
 * again instead of running (and paying for) the query twice. A scan estimated above the analyst's
 * threshold runs only if the analyst accepted (about) that estimate first (see acceptCost).
 */
export async function openAthenaDriver(
  source: AthenaSource,
  profile: string,
  deps: { env: NodeJS.ProcessEnv; credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> } },
  signal?: AbortSignal,
): Promise<SourceDriver> {
  const connection = await connectAthena(profile, { env: deps.env, credentials: deps.credentials, ...(signal ? { signal } : {}) });
  const place = { workgroup: source.workgroup ?? 'primary', ...(source.output ? { outputLocation: source.output } : {}) };
  return {
    kind: 'athena',
    unit: 'pages',
    async run(job) {
      const queryId = job.resume.queryId;
      let pages = 0;
      job.onPhase(queryId ? 'reading the earlier query' : 'estimating the scan');
      try {
        await fetchAthena(
          {
            target: { database: source.database, table: source.table },
            filter: job.filter,
            start: job.start,
            end: job.end,
            regions: job.regions,
            place,
            cleanup: false,
            ...(queryId ? { queryId } : {}),
          },
          {
            ...connection,
            signal: job.signal,
            confirmCost: (estimate) => acceptCost(estimate, source),
            onProgress: (progress) => {
              if (progress.kind === 'started') job.setResume('queryId', progress.queryId);
              if (progress.kind === 'state') job.onPhase(`query ${progress.state.toLowerCase()}`);
            },
            onPage: (events) => job.onUnit({ name: `page ${(pages += 1)}`, bytes: 0, events, error: null, resumable: false }),
          },
        );
      } catch (error) {
        throw toAthenaApiError(error, connection);
      }
      job.onPhase(null);
    },
    close: () => connection.destroy(),
  };
}

/** How far a fresh estimate may exceed the accepted one: the trail may have grown since the analyst saw it. */
export const CONFIRMED_MARGIN = 1.1;

/**
 * True when the query may run: its fresh estimate is within the analyst's threshold, or within 10%
 * of the estimate the analyst accepted. Otherwise it is refused, saying the estimate: a query
 * the analyst did not accept is never run.
 */
export function acceptCost(estimate: CostEstimate, source: Pick<AthenaSource, 'maxCostUsd' | 'confirmedUsd'>): true {
  const threshold = source.maxCostUsd ?? DEFAULT_MAX_COST_USD;
  if (estimate.usd <= threshold) return true;
  if (source.confirmedUsd !== undefined && estimate.usd <= source.confirmedUsd * CONFIRMED_MARGIN) return true;
  const accepted = source.confirmedUsd === undefined ? '' : ` (more than 10% above the $${source.confirmedUsd.toFixed(6)} you accepted: the data grew)`;
  throw new ApiError(
    'BAD_INPUT',
    `The Athena query would scan ${describeCost(estimate)}, above your threshold of $${threshold.toFixed(2)}${accepted}, so it was not run. Fetch again to see the estimate and confirm it, raise the threshold, or narrow the range.`,
  );
}
