import type { AthenaClient } from '@aws-sdk/client-athena';

import { startQuery, waitForQuery } from './athena-query';
import type { QueryPlace } from './athena-query';
import { cloudtrailTableDdl } from './cloudtrail-table';

/**
 * Creates the CloudTrail table AWS documents, for one trail folder. Only on request: the caller
 * shows `ddl` first and runs `create` only once the analyst confirmed (the CLI's --yes).
 */
export function tableCreation(target: { database: string; table: string; location: string }) {
  const ddl = cloudtrailTableDdl(target);
  return {
    ddl,
    /** Runs the DDL as one Athena query and waits for it (FAILED throws with Athena's reason). */
    async create(client: AthenaClient, place: QueryPlace, signal?: AbortSignal): Promise<string> {
      const queryId = await startQuery(client, ddl, place, signal);
      await waitForQuery(client, queryId, signal ? { signal } : {});
      return queryId;
    },
  };
}
