import { SubmitResult } from '../../../shared/api/ticket-contract';
import { ApiError } from '../../../shared/api/errors';
import { submissionLabel } from '../../../shared/ticket/summary';
import type { PendingStore, PendingSubmission } from '../drafts/pending-store';
import { attachOnce } from './attach-events';
import type { JiraApi } from './jira-client';
import { toApiError } from './jira-errors';
import { JiraHttpError } from './jira-http-error';
import { realSleep, withRetryAfter } from './retry-after';
import type { Sleep } from './retry-after';

/** What one submission sends: the create request's fields and the events file. */
export interface SubmissionRequest {
  submissionId: string;
  projectKey: string;
  summary: string;
  /** Every field of the create request, the submission label included. */
  fields: Record<string, unknown>;
  attachmentName: string;
  attachmentContent: string;
}

export interface SubmissionDeps {
  api: JiraApi;
  site: string;
  pending: PendingStore;
  sleep?: Sleep;
  /** Pauses between label searches after a lost create: Jira's search lags behind writes. */
  lookupDelaysMs?: number[];
  now?: () => Date;
  /** Submissions running now; shared across submitters so a double click cannot send twice. */
  inFlight?: Set<string>;
}

const defaultLookupDelays = [0, 1000, 2000, 4000, 8000];

/** The browse URL of an issue on a site. */
export function browseUrl(site: string, key: string): string {
  return `${site.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;
}

/**
 * Submits once (promise 17): the pending entry, with the submission id also set as a label, is
 * on disk before the create is sent; a create whose answer was lost is looked up by that label
 * before anything is sent again; then the events are attached, retrying only the upload.
 */
export function createSubmitter(deps: SubmissionDeps) {
  const sleep = deps.sleep ?? realSleep;
  const inFlight = deps.inFlight ?? new Set<string>();

  async function findByLabel(entry: PendingSubmission): Promise<{ id: string; key: string } | null> {
    for (const delay of deps.lookupDelaysMs ?? defaultLookupDelays) {
      if (delay > 0) await sleep(delay);
      const found = await withRetryAfter(() => deps.api.findByLabel(entry.projectKey, entry.label), { sleep }).catch(() => []);
      if (found[0]) return found[0];
    }
    return null;
  }

  async function create(entry: PendingSubmission): Promise<PendingSubmission | SubmitResult> {
    try {
      const created = await withRetryAfter(() => deps.api.createIssue(entry.fields), { sleep });
      return { ...entry, stage: 'created', issueId: created.id, issueKey: created.key, lastError: null };
    } catch (error) {
      const unknownOutcome = error instanceof JiraHttpError && (error.status === null || error.status >= 500);
      if (!unknownOutcome) {
        await deps.pending.delete(entry.submissionId);
        throw toApiError(error, 'Creating the issue', deps.site);
      }
      const found = await findByLabel(entry);
      if (found) return { ...entry, stage: 'created', issueId: found.id, issueKey: found.key, lastError: null };
      const message = `Jira did not confirm the issue (${(error as Error).message}) and no issue with label ${entry.label} was found yet. Look again later, or send it again if you are sure it was not created.`;
      await deps.pending.put({ ...entry, lastError: message });
      return unconfirmed(entry, message);
    }
  }

  async function attach(entry: PendingSubmission): Promise<SubmitResult> {
    const key = entry.issueKey ?? '';
    const content = await deps.pending.getEvents(entry.submissionId);
    const base = { submissionId: entry.submissionId, state: 'created' as const, issueKey: key, issueUrl: browseUrl(deps.site, key) };
    if (content === null) {
      const done: SubmitResult = {
        ...base,
        attachment: 'none',
        message: `Created ${key}; the events file was no longer available to attach.`,
      };
      await deps.pending.finish(entry.submissionId, done);
      return done;
    }
    try {
      // An entry that failed before may have been attached after all: look before sending again.
      await attachOnce(deps.api, key, entry.attachmentName, content, { sleep, checkFirst: entry.lastError !== null });
    } catch (error) {
      const message = toApiError(error, 'Attaching the events', deps.site).message;
      await deps.pending.put({ ...entry, lastError: message });
      return {
        ...base,
        attachment: 'failed',
        message: `Created ${key}, but the events file was not attached: ${message} Retry to attach it (the issue is not created again).`,
      };
    }
    const done: SubmitResult = { ...base, attachment: 'attached', message: `Created ${key} with the events attached.` };
    await deps.pending.finish(entry.submissionId, done);
    return done;
  }

  /**
   * Continues a pending entry: submit and retry both come here. An entry made against another
   * site is refused before any call: its label or issue key means nothing on this site, and a
   * look-up there could find an unrelated issue and attach the events to it.
   */
  async function advance(entry: PendingSubmission, resend: boolean): Promise<SubmitResult> {
    if (entry.site !== deps.site)
      throw new ApiError(
        'CONFLICT',
        `That submission was made on ${entry.site}, but Trailcase is connected to ${deps.site}. Connect to ${entry.site} again to finish it, or discard it from the pending list.`,
      );
    let current = entry;
    if (current.stage === 'creating') {
      const found = await findByLabel(current);
      if (found) current = { ...current, stage: 'created', issueId: found.id, issueKey: found.key };
      else if (!resend) return unconfirmed(current, current.lastError ?? `No issue with label ${current.label} was found yet.`);
      else {
        const outcome = await create(current);
        if (!('label' in outcome)) return outcome;
        current = outcome;
      }
      await deps.pending.put(current);
    }
    return attach(current);
  }

  async function once<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (inFlight.has(id)) throw new ApiError('CONFLICT', 'This ticket is being submitted already.');
    inFlight.add(id);
    try {
      return await work();
    } finally {
      inFlight.delete(id);
    }
  }

  return {
    /**
     * Sends a submission once. A known submission id returns how it ended, or continues it if it
     * is pending; only a new one is prepared (`prepare` reads records and fields) and sent.
     */
    submit: (submissionId: string, prepare: () => Promise<SubmissionRequest>) =>
      once(submissionId, async () => {
        const finished = SubmitResult.safeParse(await deps.pending.finished(submissionId));
        if (finished.success) return finished.data;
        const existing = await deps.pending.get(submissionId);
        if (existing) return advance(existing, false);
        const request = await prepare();
        const entry: PendingSubmission = {
          submissionId: request.submissionId,
          site: deps.site,
          label: submissionLabel(request.submissionId),
          projectKey: request.projectKey,
          summary: request.summary,
          fields: request.fields,
          attachmentName: request.attachmentName,
          stage: 'creating',
          issueId: null,
          issueKey: null,
          createdAt: (deps.now?.() ?? new Date()).toISOString(),
          lastError: null,
        };
        await deps.pending.putEvents(entry.submissionId, request.attachmentContent);
        await deps.pending.put(entry);
        const outcome = await create(entry);
        if (!('label' in outcome)) return outcome;
        await deps.pending.put(outcome);
        return attach(outcome);
      }),
    /** Continues a pending submission: looks it up by label; `resend` is the analyst's decision to create it when not found. */
    retry: (submissionId: string, resend: boolean) =>
      once(submissionId, async () => {
        const entry = await deps.pending.get(submissionId);
        if (!entry) {
          const finished = SubmitResult.safeParse(await deps.pending.finished(submissionId));
          if (finished.success) return finished.data;
          throw new ApiError('NOT_FOUND', 'That submission is no longer pending.');
        }
        return advance(entry, resend);
      }),
  };
}

function unconfirmed(entry: PendingSubmission, message: string): SubmitResult {
  return { submissionId: entry.submissionId, state: 'unconfirmed', issueKey: null, issueUrl: null, attachment: 'none', message };
}

export type Submitter = ReturnType<typeof createSubmitter>;
