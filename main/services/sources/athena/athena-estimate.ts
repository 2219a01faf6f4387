import type { AwsCredentialIdentity } from '@smithy/types';

import type { AthenaScanEstimate } from '../../../../shared/api/athena-contract';
import { ApiError } from '../../../../shared/api/errors';
import { sourceOf } from '../../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../../shared/api/fetch-contract';
import { connectAthena } from './athena-connection';
import type { AthenaConnection } from './athena-connection';
import { toAthenaApiError } from './athena-errors';
import { partitionDays } from './athena-sql';
import { estimateCost } from './cost-estimate';
import type { CostEstimate } from './cost-estimate';
import { readTableInfo } from './table-info';

export interface AthenaEstimateDeps {
  env: NodeJS.ProcessEnv;
  credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
}

/** The table's partitions for the range, their objects listed in S3 and priced; nothing is run in Athena. */
export async function estimateWith(
  connection: Pick<AthenaConnection, 'athena' | 'listObjects'>,
  target: { database: string; table: string },
  range: { start: number; end: number },
  signal?: AbortSignal,
): Promise<CostEstimate> {
  const info = await readTableInfo(connection.athena, target, signal);
  if (!info)
    throw new ApiError(
      'NOT_FOUND',
      `There is no table ${target.database}.${target.table} in Athena's data catalog: check the database and table names, or create it with Create table… (in the CLI, --athena-create-table).`,
      // The path the app reads to offer Create table… beside this error.
      { 'source.table': 'missing' },
    );
  return estimateCost(connection.listObjects, info.template, partitionDays(range), signal);
}

/** The estimate the app shows before an Athena fetch (the same one its driver checks again). */
export async function estimateAthenaScan(query: FetchQuery, deps: AthenaEstimateDeps, signal?: AbortSignal): Promise<AthenaScanEstimate> {
  const source = sourceOf(query);
  if (source.kind !== 'athena') throw new ApiError('BAD_INPUT', 'Only an Athena source has a scan to estimate.');
  const connection = await connectAthena(query.profile, { env: deps.env, credentials: deps.credentials, ...(signal ? { signal } : {}) });
  try {
    const estimate = await estimateWith(connection, source, { start: Date.parse(query.start), end: Date.parse(query.end) }, signal);
    return { bytes: estimate.bytes, billedBytes: estimate.billedBytes, usd: estimate.usd, days: estimate.partitions, objects: estimate.objects };
  } catch (error) {
    throw toEstimateError(error, connection);
  } finally {
    connection.destroy();
  }
}

/** Any failure as the analyst's next step, saying it was the estimate (S3's listing says which permission is missing). */
function toEstimateError(error: unknown, connection: AthenaConnection): ApiError {
  const mapped = toAthenaApiError(error, connection);
  if (mapped.code === 'CANCELLED') return mapped;
  return new ApiError(mapped.code, `The scan could not be estimated, so the query was not run. ${mapped.message}`, mapped.fields);
}
