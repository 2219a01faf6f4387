import type { intelContract } from '../../../shared/api/intel-contract';
import { loadIntel } from '../../services/intel/load-enricher';
import { updateIntel } from '../../services/intel/update-intel';
import type { HostContext } from '../host-context';
import type { HandlerMap } from './handler-map';

/** Enrichment data sets: their status, and Update (one at a time: two would race on the same files). */
export function createIntelHandlers(ctx: HostContext): HandlerMap<typeof intelContract> {
  let running: Promise<unknown> = Promise.resolve();
  return {
    async intelStatus() {
      return (await loadIntel(ctx.dataDir)).status;
    },
    async intelUpdate({ lists }) {
      const update = running.then(() => updateIntel({ dataDir: ctx.dataDir, env: ctx.env, ...(lists ? { lists } : {}) }));
      running = update.catch(() => {});
      const outcomes = await update;
      return { outcomes, status: (await loadIntel(ctx.dataDir)).status };
    },
  };
}
