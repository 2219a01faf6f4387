import type { ticketContract } from '../../../shared/api/ticket-contract';
import { ApiError } from '../../../shared/api/errors';
import type { DraftAnalysis } from '../../../shared/ticket/analysis-context';
import { toFieldSpecs } from '../../services/jira/create-meta';
import { toApiError } from '../../services/jira/jira-errors';
import { prepareSubmission } from '../../services/jira/prepare-submission';
import { withRetryAfter } from '../../services/jira/retry-after';
import type { TicketService } from '../../services/jira/ticket-service';
import type { HandlerMap } from './handler-map';

/**
 * The ticket methods: Jira connection (never returning the token), projects, issue types and
 * fields, drafts, and submissions. Submit rebuilds the description on the host from the stored
 * records and the analyst's text; nothing generated in the renderer is sent to Jira.
 */
export function createTicketHandlers(
  tickets: TicketService,
  /** The fetch's analysis, so the description holds the findings and enrichment the preview showed. */
  analysisOf?: (fetchId: string) => Promise<DraftAnalysis>,
): HandlerMap<typeof ticketContract> {
  return {
    getJiraConnection: () => tickets.info(),
    async saveJiraConnection(input) {
      await tickets.connection.save(input);
      return tickets.info();
    },
    async forgetJiraConnection() {
      await tickets.connection.forget();
      return tickets.info();
    },
    testJiraConnection: ({ draft }) => tickets.testConnection(draft ?? null),
    async listJiraProjects({ query }) {
      return { projects: await tickets.ask('Listing projects', (api) => api.searchProjects(query || undefined)) };
    },
    async listJiraIssueTypes({ projectKey }) {
      const types = await tickets.ask('Listing issue types', (api) => api.issueTypes(projectKey));
      // Sub-tasks need a parent issue, which a ticket from Trailcase does not have.
      return { issueTypes: types.filter((type) => !type.subtask) };
    },
    async listJiraFields({ projectKey, issueTypeId }) {
      return { fields: toFieldSpecs(await tickets.ask('Reading the create fields', (api) => api.fields(projectKey, issueTypeId))) };
    },
    async loadDraft({ key }) {
      const saved = await tickets.drafts.load(key);
      return { draft: saved?.draft ?? null, savedAt: saved?.savedAt ?? null };
    },
    saveDraft: ({ key, draft }) => tickets.drafts.save(key, draft),
    async submitTicket(input) {
      const { api, site, deployment, submitter } = await tickets.submitter();
      // The whole submit runs under the submission id: a second click waits for nothing and
      // gets CONFLICT, a repeat after the end gets the same result, never a second issue.
      const result = await submitter.submit(input.submissionId, async () => {
        const events = await tickets.loadEvents(input.fetchId, input.eventIds);
        const createMeta = await withRetryAfter(() => api.fields(input.projectKey, input.issueTypeId)).catch((error: unknown) => {
          throw toApiError(error, 'Reading the create fields', site);
        });
        // Without an analysis (it failed, or a host without one) the ticket is still written, without findings.
        const analysis = analysisOf ? await analysisOf(input.fetchId).catch(() => null) : null;
        return prepareSubmission({
          submissionId: input.submissionId,
          events,
          analysis,
          analyst: { summary: input.summary, analystText: input.analystText, story: input.storyEdits ?? null, ...(input.containment ? { containment: input.containment } : {}) },
          projectKey: input.projectKey,
          issueTypeId: input.issueTypeId,
          formValues: input.fields,
          createMeta,
          deployment,
        }).request;
      });
      await tickets.connection
        .saveDefaults(site, { projectKey: input.projectKey, issueTypeId: input.issueTypeId, fields: input.fields })
        .catch(() => undefined);
      return result;
    },
    async listPendingSubmissions() {
      const entries = await tickets.pending.list();
      return {
        pending: entries.map((entry) => ({
          submissionId: entry.submissionId,
          site: entry.site,
          summary: entry.summary,
          stage: entry.stage,
          issueKey: entry.issueKey,
          createdAt: entry.createdAt,
          lastError: entry.lastError,
        })),
      };
    },
    async retryPendingSubmission({ submissionId, resend }) {
      const { submitter } = await tickets.submitter();
      return submitter.retry(submissionId, resend);
    },
    async discardPendingSubmission({ submissionId }) {
      if (!(await tickets.pending.get(submissionId))) throw new ApiError('NOT_FOUND', 'That submission is no longer pending.');
      await tickets.pending.delete(submissionId);
      return {};
    },
  };
}
