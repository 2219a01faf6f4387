import type { investigationContract } from '../../../shared/api/investigation-contract';
import { createInvestigationStore } from '../../services/investigations/investigation-store';
import type { HostContext } from '../host-context';
import type { HandlerMap } from './handler-map';

/** Saved investigations, kept in the host's data folder. */
export function createInvestigationHandlers(ctx: HostContext): HandlerMap<typeof investigationContract> {
  const store = createInvestigationStore(ctx.dataDir);
  return {
    async saveInvestigation(input) {
      return store.save(input);
    },
    async autosaveInvestigation(input) {
      return store.autosave(input);
    },
    async listInvestigations() {
      return store.list();
    },
    async getInvestigation({ id }) {
      return store.get(id);
    },
    async deleteInvestigation({ id }) {
      await store.remove(id);
      return {};
    },
  };
}
