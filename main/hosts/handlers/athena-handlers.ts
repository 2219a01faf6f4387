import type { athenaContract } from '../../../shared/api/athena-contract';
import type { AthenaEstimateDeps } from '../../services/sources/athena/athena-estimate';
import type { HandlerMap } from './handler-map';

/**
 * The Athena method: the scan's estimate before a fetch (the query validated by the contract's
 * FetchQuery). The Athena and S3 clients are loaded only when asked, as the source driver does.
 */
export function createAthenaHandlers(deps: AthenaEstimateDeps): HandlerMap<typeof athenaContract> {
  return {
    async estimateAthenaScan(query) {
      const { estimateAthenaScan } = await import('../../services/sources/athena/athena-estimate');
      return estimateAthenaScan(query, deps);
    },
  };
}
