import { ApiError } from '../../../shared/api/errors';
import type { fetchContract } from '../../../shared/api/fetch-contract';
import type { FetchManager } from '../../services/fetch/fetch-manager';
import type { HandlerMap } from './handler-map';

/** The fetch methods: thin calls into the fetch manager, which owns the engine and the store. */
export function createFetchHandlers(manager: FetchManager, extras: { demoLogFiles?: () => Promise<string> } = {}): HandlerMap<typeof fetchContract> {
  // Starts still resolving credentials, so Cancel can reach a hung credential_process.
  const starting = new Set<AbortController>();
  return {
    async startFetch(query) {
      const controller = new AbortController();
      starting.add(controller);
      try {
        return { fetchId: await manager.start(query, controller.signal) };
      } finally {
        starting.delete(controller);
      }
    },
    async cancelStartingFetches() {
      for (const controller of starting) controller.abort();
      return {};
    },
    async cancelFetch({ fetchId }) {
      await manager.cancel(fetchId);
      return {};
    },
    async resumeFetch({ fetchId }) {
      return { fetchId: await manager.resume(fetchId) };
    },
    async getFetch({ fetchId }) {
      return manager.get(fetchId);
    },
    async listFetches() {
      return manager.list();
    },
    async getFetchEvents({ fetchId, offset, limit }) {
      return manager.events(fetchId, offset, limit);
    },
    async prepareDemoLogFiles() {
      if (!extras.demoLogFiles) throw new ApiError('BAD_INPUT', 'This host has no demo log files.');
      return { path: await extras.demoLogFiles() };
    },
  };
}
