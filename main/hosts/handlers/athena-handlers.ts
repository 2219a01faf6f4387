import type { athenaContract } from '../../../shared/api/athena-contract';
import type { AthenaEstimateDeps } from '../../services/sources/athena/athena-estimate';
import type { createTableCreator } from '../../services/sources/athena/table-request';
import type { HandlerMap } from './handler-map';

/**
 * The Athena methods: the scan's estimate before a fetch (the query validated by the contract's
 * FetchQuery), and the documented table's DDL and its creation on the analyst's request. The
 * Athena and S3 clients are loaded only when asked, as the source driver does.
 */
export function createAthenaHandlers(deps: AthenaEstimateDeps): HandlerMap<typeof athenaContract> {
  // One creator per host, made on first use (assigned before any await, so two calls share it):
  // it remembers the tables being created, so a double click runs one DDL.
  let creator: Promise<ReturnType<typeof createTableCreator>> | null = null;
  return {
    async estimateAthenaScan(query) {
      const { estimateAthenaScan } = await import('../../services/sources/athena/athena-estimate');
      return estimateAthenaScan(query, deps);
    },
    async athenaTableDdl(request) {
      const { tableDdl } = await import('../../services/sources/athena/table-request');
      return tableDdl(request);
    },
    async createAthenaTable(request) {
      creator ??= import('../../services/sources/athena/table-request').then((module) => module.createTableCreator(deps));
      return (await creator)(request);
    },
  };
}
