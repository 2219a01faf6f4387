import type { HostContext } from './host-context';
import { createDispatcher } from './dispatch';
import type { Handlers } from './dispatch';
import { createAnalysisHandlers, createFetchAnalyzer } from './handlers/analysis-handlers';
import { createAppHandlers } from './handlers/app-handlers';
import { createAthenaHandlers } from './handlers/athena-handlers';
import { createChatHandlers } from './handlers/chat-handlers';
import { createContainmentHandlers } from './handlers/containment-handlers';
import { createFetchHandlers } from './handlers/fetch-handlers';
import { createIamHandlers } from './handlers/iam-handlers';
import { createIntelHandlers } from './handlers/intel-handlers';
import { createInvestigationHandlers } from './handlers/investigation-handlers';
import { createLocalPathHandlers } from './handlers/local-path-handlers';
import { createMfaBroker } from './mfa-broker';
import { appVersion } from './package-info';
import { createRegionService } from '../services/aws/regions';
import { createChatService } from '../services/chat/chat-service';
import { createFetchService } from '../services/fetch/fetch-service';
import { createIamService } from '../services/iam/iam-service';
import { createTicketHandlers } from './handlers/ticket-handlers';
import { allowedSiteOrigins } from '../security/external-links';
import { createTicketService, fetchedEventsLoader } from '../services/jira/ticket-service';

/**
 * Builds the services and the api dispatcher of one host. Each feature contributes its handler
 * factory here; Electron's IPC binding, the web host and the CLI all call the result.
 */
export function createHost(ctx: HostContext, log: (line: string) => void = () => {}) {
  const mfa = createMfaBroker(ctx.emit);
  const hostCtx: HostContext = { ...ctx, askMfaCode: ctx.kind === 'cli' ? ctx.askMfaCode : mfa.ask };
  const fetches = createFetchService(hostCtx);
  const tickets = createTicketService({ ...hostCtx, loadRecords: fetchedEventsLoader(fetches.manager) });
  const analyze = createFetchAnalyzer(hostCtx, fetches.manager);
  const regions = createRegionService({ env: hostCtx.env, credentials: fetches.credentials });
  const handlers: Handlers = {
    ...createAppHandlers(hostCtx, { mfa, version: appVersion(), extraAllowedHosts: () => allowedSiteOrigins(tickets.currentSite()), forgetCredentials: fetches.forgetCredentials, listRegions: (profile) => regions.listRegions(profile) }),
    ...createTicketHandlers(tickets, analyze),
    ...createFetchHandlers(fetches.manager, { demoLogFiles: fetches.demoLogFiles }),
    ...createAthenaHandlers({ env: hostCtx.env, credentials: fetches.credentials }),
    ...createInvestigationHandlers(hostCtx),
    ...createLocalPathHandlers(hostCtx),
    ...createIntelHandlers(hostCtx),
    ...createContainmentHandlers(hostCtx, fetches.credentials),
    ...createIamHandlers(createIamService(hostCtx, { credentials: fetches.credentials })),
    ...createAnalysisHandlers(analyze),
    ...createChatHandlers(
      createChatService({ ...hostCtx, loadEvents: tickets.loadEvents, analysisOf: analyze, jiraSite: async () => (await tickets.info()).site }),
    ),
  };
  return { dispatch: createDispatcher(handlers, log), ctx: hostCtx, fetches, close: () => analyze.close() };
}

export type Host = ReturnType<typeof createHost>;
