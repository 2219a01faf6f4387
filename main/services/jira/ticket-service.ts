import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import { ApiError } from '../../../shared/api/errors';
import { normalizeEvent, stableId } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';
import { createDraftStore } from '../drafts/draft-store';
import { createPendingStore } from '../drafts/pending-store';
import type { SecretStore } from '../secrets/secret-store';
import { createConnectionStore } from './connection-store';
import { createJiraApi } from './jira-client';
import { openJira } from './jira-dc-client';
import type { JiraDeployment } from './jira-dc-client';
import type { JiraApi, JiraCredentials } from './jira-client';
import { toApiError, toTestError } from './jira-errors';
import { withRetryAfter } from './retry-after';
import type { Sleep } from './retry-after';
import { createSubmitter } from './submission';

export interface TicketServiceOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
  /** Loads the stored events of a fetch by id; the host wires it to the fetch service. */
  loadRecords: (fetchId: string, eventIds: string[]) => Promise<FetchedEvent[]>;
  /** Builds the Jira client (tests may wrap it). */
  jiraApi?: (credentials: JiraCredentials) => JiraApi;
  lookupDelaysMs?: number[];
  sleep?: Sleep;
}

/** Normalises fetched events as the workspace does, keeping their raw text. */
export function normalizeFetched(fetched: readonly FetchedEvent[]): NormalizedEvent[] {
  return fetched.map((event) => normalizeEvent(event.raw, { region: event.region, via: event.via ?? null }));
}

/**
 * Loads selected events from the fetch service's store. Selections name events by their
 * normalised id: the eventID, or for a record without one the stable id of its raw text.
 */
export function fetchedEventsLoader(manager: {
  events(fetchId: string, offset: number, limit: number): { events: FetchedEvent[]; total: number };
}) {
  return async (fetchId: string, eventIds: string[]): Promise<FetchedEvent[]> => {
    const wanted = new Set(eventIds);
    const { events } = manager.events(fetchId, 0, Number.MAX_SAFE_INTEGER);
    return events.filter((event) => wanted.has(event.eventId) || wanted.has(stableId(event.raw)));
  };
}

/**
 * The ticket feature's services for one host: connection, drafts, pending submissions and the
 * Jira calls, with the site currently configured kept at hand for the external-link allow-list.
 */
export function createTicketService(options: TicketServiceOptions) {
  const connection = createConnectionStore(options);
  const drafts = createDraftStore(options.dataDir);
  const pending = createPendingStore(options.dataDir);
  const inFlight = new Set<string>();
  const makeApi = options.jiraApi ?? ((credentials: JiraCredentials) => createJiraApi(credentials));
  let currentSite: string | null = null;
  void connection.info().then(
    (info) => (currentSite = info.site),
    () => undefined,
  );

  async function jira(): Promise<{ api: JiraApi; site: string; deployment: JiraDeployment }> {
    const credentials = await connection.credentials();
    currentSite = credentials.site;
    if (options.jiraApi || !credentials.pat) return { api: makeApi(credentials), site: credentials.site, deployment: 'cloud' };
    // A personal access token is Data Center's: the site's serverInfo says which Jira it is.
    const opened = await withRetryAfter(() => openJira(credentials), { sleep: options.sleep }).catch((error: unknown) => {
      throw toApiError(error, 'Reading the server info', credentials.site);
    });
    return { ...opened, site: credentials.site };
  }

  /** Runs one Jira call with 429 handling, turning failures into messages that say what to fix. */
  async function ask<T>(what: string, work: (api: JiraApi) => Promise<T>): Promise<T> {
    const { api, site } = await jira();
    try {
      return await withRetryAfter(() => work(api), { sleep: options.sleep });
    } catch (error) {
      throw toApiError(error, what, site);
    }
  }

  return {
    connection,
    drafts,
    pending,
    ask,
    jira,
    /** The configured site's origin, or null (kept fresh by every connection read). */
    currentSite: () => currentSite,
    async info() {
      const info = await connection.info();
      currentSite = info.site;
      return info;
    },
    /** Asks Jira who the credentials belong to: the saved connection, or the form's values before saving. */
    async testConnection(draft: { site: string; email: string; token: string | null } | null) {
      const credentials = draft ? await connection.credentialsFor(draft) : await connection.credentials();
      try {
        const api = credentials.pat && !options.jiraApi ? (await openJira(credentials)).api : makeApi(credentials);
        const me = await withRetryAfter(() => api.myself(), { sleep: options.sleep });
        return { site: credentials.site, ...me };
      } catch (error) {
        throw toTestError(error, credentials.site);
      }
    },
    async submitter() {
      const { api, site, deployment } = await jira();
      return {
        api,
        site,
        deployment,
        submitter: createSubmitter({ api, site, pending, inFlight, sleep: options.sleep, lookupDelaysMs: options.lookupDelaysMs }),
      };
    },
    /** The selected events of a fetch, all of them or an error naming what is missing. */
    async loadEvents(fetchId: string, eventIds: string[]): Promise<NormalizedEvent[]> {
      const fetched = await options.loadRecords(fetchId, eventIds);
      const events = normalizeFetched(fetched);
      const found = new Set(events.map((event) => event.id));
      const missing = eventIds.filter((id) => !found.has(id));
      if (missing.length)
        throw new ApiError('NOT_FOUND', `${missing.length} selected event(s) are not in this investigation any more; select them again.`);
      const wanted = new Set(eventIds);
      return events.filter((event) => wanted.has(event.id));
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
