import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError, isApiError } from '../../../../shared/api/errors';
import { connectAthena } from './athena-connection';
import type { AthenaConnection } from './athena-connection';
import { toAthenaApiError } from './athena-errors';
import { tableCreation } from './table-create';
import { readTableInfo } from './table-info';

export interface TableRequest {
  database: string;
  table: string;
  location: string;
}

export interface CreateTableRequest extends TableRequest {
  profile: string;
  workgroup?: string | undefined;
  output?: string | undefined;
  /** DATABASE.TABLE, as the analyst's button named it: anything else creates nothing. */
  confirmation: string;
}

export interface TableRequestDeps {
  env: NodeJS.ProcessEnv;
  credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
}

/** The statement the app shows before creating: the CLI's builder, so what is shown is what runs. */
export function tableDdl(request: TableRequest): { ddl: string } {
  return { ddl: tableCreation(request).ddl };
}

/**
 * The app's "Create table": the documented CloudTrail table for one trail folder, written to the
 * account's Glue Data Catalog through one Athena DDL query. It runs only on the renderer's call
 * with the confirmation naming the table (a deep link only fills the form, and never calls it);
 * the location is checked before any call; a table that exists is never replaced; a second
 * request for a table still being created is refused, so a double click creates nothing twice.
 */
export function createTableCreator(deps: TableRequestDeps) {
  const inFlight = new Set<string>();
  return async function createTable(request: CreateTableRequest): Promise<{ table: string; queryId: string }> {
    const name = `${request.database}.${request.table}`;
    if (request.confirmation !== name) throw new ApiError('BAD_INPUT', `Nothing was created: the confirmation must name ${name}.`);
    const creation = tableCreation(request);
    if (inFlight.has(name)) throw new ApiError('CONFLICT', `${name} is already being created: wait for that to finish.`);
    inFlight.add(name);
    let connection: AthenaConnection | null = null;
    try {
      connection = await connectAthena(request.profile, { env: deps.env, credentials: deps.credentials, s3: false });
      if (await tableExists(connection, request))
        throw new ApiError('CONFLICT', `${name} already exists in Athena's data catalog, and Trailcase never replaces a table: run the fetch, or choose another table name.`);
      const place = { workgroup: request.workgroup ?? 'primary', ...(request.output ? { outputLocation: request.output } : {}) };
      return { table: name, queryId: await creation.create(connection.athena, place) };
    } catch (error) {
      throw toCreateError(error, connection ?? { profile: request.profile, kind: 'keys' });
    } finally {
      inFlight.delete(name);
      connection?.destroy();
    }
  };
}

/** True for any table of that name, even one Trailcase could not query (refused as not the documented shape). */
async function tableExists(connection: AthenaConnection, target: TableRequest): Promise<boolean> {
  try {
    return (await readTableInfo(connection.athena, target)) !== null;
  } catch (error) {
    if (isApiError(error) && error.code === 'BAD_INPUT') return true;
    throw error;
  }
}

/** Athena's refusal as the analyst's next step, saying nothing was created. */
function toCreateError(error: unknown, context: { profile: string; kind: string }): ApiError {
  const mapped = toAthenaApiError(error, context);
  if (mapped.code === 'CONFLICT' || (isApiError(error) && error.code === 'BAD_INPUT')) return mapped;
  const rights = mapped.code === 'ACCESS_DENIED' ? ' Creating the table also needs glue:GetDatabase and glue:CreateTable on the database.' : '';
  const retry = mapped.code === 'INTERNAL' ? ' Check that the database exists and the workgroup has a result location, then try again.' : '';
  return new ApiError(mapped.code, `The table was not created. ${mapped.message}${rights}${retry}`, mapped.fields);
}
