import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../../shared/api/errors';
import type { FetchSource } from '../../../../shared/api/fetch-contract';
import type { SourceDriver } from '../../fetch/source-driver';
import { connectAthena } from './athena-connection';
import { toAthenaApiError } from './athena-errors';
import { fetchAthena } from './athena-source';
import { DEFAULT_MAX_COST_USD, describeCost } from './cost-estimate';

type AthenaSource = Extract<FetchSource, { kind: 'athena' }>;

/**
 * The Athena source for the app's fetch manager: one query per run, each page of results stored
 * as a unit as it arrives. The query's id is kept for Resume, which reads that execution's results
 * again instead of running (and paying for) the query twice. The app has no confirmation for a
 * costly scan yet, so above DEFAULT_MAX_COST_USD it refuses, saying the estimate and the CLI's way.
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
            confirmCost: (estimate) => {
              if (estimate.usd <= DEFAULT_MAX_COST_USD) return true;
              throw new ApiError(
                'BAD_INPUT',
                `The Athena query would scan ${describeCost(estimate)}, above $${DEFAULT_MAX_COST_USD.toFixed(2)}: narrow the range, or run it with the CLI (fetch --source athena:… --yes).`,
              );
            },
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
