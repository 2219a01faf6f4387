import type { ApiErrorShape, ApiResult } from '../../../shared/api/errors';
import type { JiraConnectionInfo, PendingSubmissionInfo, StoredDraft, SubmitResult } from '../../../shared/api/ticket-contract';

const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });

/** An in-memory host for the ticket drawer: drafts, a connection, one project, scripted submits. */
export function createFakeTicketApi(options: { connected?: boolean; storedDraft?: StoredDraft | null } = {}) {
  const drafts = new Map<string, StoredDraft>();
  if (options.storedDraft) drafts.set('f-1', options.storedDraft);
  const calls: Array<{ method: string; input: unknown }> = [];
  const submitResults: Array<ApiResult<SubmitResult>> = [];
  const testResults: Array<ApiResult<never>> = [];
  const projectFailures: Array<ApiResult<never>> = [];
  let pending: PendingSubmissionInfo[] = [];
  let info: JiraConnectionInfo = {
    site: options.connected ? 'https://team.atlassian.net' : null,
    email: options.connected ? 'ana@example.com' : null,
    hasToken: Boolean(options.connected),
    source: options.connected ? 'saved' : 'none',
    tokenPersistent: true,
    warning: null,
    defaults: { projectKey: null, issueTypeId: null, fields: {} },
  };
  const noWebhook = { configured: false, hint: null, source: 'none' as const };
  const chatStatus = { slack: noWebhook, teams: noWebhook, persistent: true, warning: null };
  const record = <T>(method: string, input: unknown, result: T) => {
    calls.push({ method, input });
    return Promise.resolve(result);
  };
  const api = {
    subscribe: () => () => {},
    loadDraft: (input: { key: string }) =>
      record(
        'loadDraft',
        input,
        ok({ draft: drafts.get(input.key) ?? null, savedAt: drafts.has(input.key) ? '2026-11-01T10:00:00.000Z' : null }),
      ),
    saveDraft: (input: { key: string; draft: StoredDraft }) => {
      drafts.set(input.key, input.draft);
      return record('saveDraft', input, ok({ savedAt: new Date().toISOString() }));
    },
    getJiraConnection: (input: unknown) => record('getJiraConnection', input, ok(info)),
    // Chat (the drawer's Send to chat): no webhook saved, a one-line preview.
    getChatStatus: (input: unknown) => record('getChatStatus', input, ok(chatStatus)),
    saveChatWebhook: (input: unknown) => record('saveChatWebhook', input, ok(chatStatus)),
    forgetChatWebhook: (input: unknown) => record('forgetChatWebhook', input, ok(chatStatus)),
    previewChatMessage: (input: unknown) => record('previewChatMessage', input, ok({ lines: [{ kind: 'title' as const, text: 'Summary' }] })),
    sendToChat: (input: unknown) => record('sendToChat', input, ok({ messageId: 'm-1', alreadySent: false })),
    estimateAthenaScan: (input: unknown) => record('estimateAthenaScan', input, ok({ bytes: 0, billedBytes: 10 * 2 ** 20, usd: 0.0000476837158203125, days: 1, objects: 0 })),
    saveJiraConnection: (input: { site: string; email: string; token: string | null }) => {
      info = { ...info, site: input.site, email: input.email, hasToken: info.hasToken || input.token !== null, source: 'saved' };
      return record('saveJiraConnection', input, ok(info));
    },
    forgetJiraConnection: (input: unknown) => record('forgetJiraConnection', input, ok(info)),
    testJiraConnection: (input: { draft?: { site: string } }) =>
      record(
        'testJiraConnection',
        input,
        testResults.shift() ??
          ok({ site: input.draft?.site ?? info.site ?? '', accountId: 'acc-1', displayName: 'Ana Lyst', emailAddress: 'ana@example.com' }),
      ),
    listJiraProjects: (input: unknown) =>
      record('listJiraProjects', input, projectFailures.shift() ?? ok({ projects: [{ id: '10000', key: 'SEC', name: 'Security' }] })),
    listJiraIssueTypes: (input: unknown) =>
      record('listJiraIssueTypes', input, ok({ issueTypes: [{ id: '10002', name: 'Incident', subtask: false }] })),
    listJiraFields: (input: unknown) =>
      record(
        'listJiraFields',
        input,
        ok({
          fields: [
            {
              fieldId: 'customfield_10060',
              name: 'Team',
              required: true,
              kind: 'text' as const,
              allowedValues: [],
              hasDefaultValue: false,
            },
            {
              fieldId: 'priority',
              name: 'Priority',
              required: false,
              kind: 'priority' as const,
              allowedValues: [{ id: '1', name: 'Highest' }],
              hasDefaultValue: true,
            },
          ],
        }),
      ),
    submitTicket: (input: unknown) =>
      record(
        'submitTicket',
        input,
        submitResults.shift() ??
          ok({
            submissionId: 'x',
            state: 'created' as const,
            issueKey: 'SEC-1',
            issueUrl: 'https://team.atlassian.net/browse/SEC-1',
            attachment: 'attached' as const,
            message: 'Created SEC-1 with the events attached.',
          }),
      ),
    listPendingSubmissions: (input: unknown) => record('listPendingSubmissions', input, ok({ pending })),
    retryPendingSubmission: (input: unknown) => record('retryPendingSubmission', input, submitResults.shift()),
    discardPendingSubmission: (input: unknown) => record('discardPendingSubmission', input, ok({})),
    openExternal: (input: { url: string }) => record('openExternal', input, ok({ opened: true, url: input.url })),
  };
  return {
    api,
    calls,
    drafts,
    /** What listPendingSubmissions answers from now on. */
    setPending(entries: PendingSubmissionInfo[]) {
      pending = entries;
    },
    /** The next submit or retry answers with this result. */
    answerNext(result: SubmitResult) {
      submitResults.push({ ok: true, data: result });
    },
    /** The next connection test answers with this error. */
    failNextTest(error: ApiErrorShape) {
      testResults.push({ ok: false, error });
    },
    /** The next project listing answers with this error. */
    failNextProjects(error: ApiErrorShape) {
      projectFailures.push({ ok: false, error });
    },
    /** The next submit answers with this error. */
    failNextSubmit(error: ApiErrorShape) {
      submitResults.push({ ok: false, error });
    },
  };
}
