import { z } from 'zod';

import { ContainmentTicketEntrySchema } from '../containment/ticket-section';
import { Empty, Id, LongText, ShortText } from './primitives';

/**
 * A Jira site: https, or http only to a loopback address (local fakes and proxies). Reduced to
 * its origin so a path or credentials in the URL never reach the client.
 */
export const JiraSite = z
  .string()
  .max(300)
  .refine((value) => siteOrigin(value) !== null, {
    message: 'an https URL such as https://your-team.atlassian.net (http only for 127.0.0.1 or localhost)',
  });

/**
 * The origin of a valid Jira site URL, or null. Written without `URL` (shared code has no DOM or
 * Node globals); the renderer uses it to check as the analyst types.
 */
export function siteOrigin(value: string): string | null {
  const match = /^(https?):\/\/([a-z0-9.-]+|\[::1\])(?::(\d{1,5}))?(?:\/[^\s?#]*)?$/i.exec(value.trim());
  if (!match) return null;
  const [, scheme = '', rawHost = '', port] = match;
  const protocol = scheme.toLowerCase();
  const host = rawHost.toLowerCase();
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  if (protocol !== 'https' && !(protocol === 'http' && loopback)) return null;
  if (port !== undefined && Number(port) > 65535) return null;
  const defaultPort = protocol === 'https' ? '443' : '80';
  return `${protocol}://${host}${port && port !== defaultPort ? `:${port}` : ''}`;
}

/** The saved connection as the renderer may see it: never the token, only whether there is one. */
export const JiraConnectionInfo = z.object({
  site: z.string().nullable(),
  email: z.string().nullable(),
  hasToken: z.boolean(),
  /** Jira Cloud (email and API token) or Data Center (a personal access token); absent: Cloud. */
  kind: z.enum(['cloud', 'datacenter']).optional(),
  /** Where the connection comes from: saved in the app, or JIRA_* environment variables. */
  source: z.enum(['saved', 'environment', 'none']),
  /** False when the token is kept in memory only for this session. */
  tokenPersistent: z.boolean(),
  warning: z.string().nullable(),
  /** The project, issue type and field values used last on this site. */
  defaults: z.object({ projectKey: z.string().nullable(), issueTypeId: z.string().nullable(), fields: z.record(z.string(), z.string()) }),
});
export type JiraConnectionInfo = z.infer<typeof JiraConnectionInfo>;

export const JiraProject = z.object({ id: z.string(), key: z.string(), name: z.string() });
export const JiraIssueType = z.object({ id: z.string(), name: z.string(), subtask: z.boolean() });

/** A field of the create form, from createmeta, in the kinds the form can show. */
export const JiraFieldSpec = z.object({
  fieldId: z.string(),
  name: z.string(),
  required: z.boolean(),
  kind: z.enum(['text', 'textarea', 'number', 'select', 'multiselect', 'priority', 'labels', 'unsupported']),
  allowedValues: z.array(z.object({ id: z.string(), name: z.string() })),
  hasDefaultValue: z.boolean(),
});
export type JiraFieldSpec = z.infer<typeof JiraFieldSpec>;

const JiraKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'a Jira project key such as SEC');
const JiraIdText = z.string().regex(/^\d{1,20}$/, 'a Jira id');
const FieldId = z.string().regex(/^[\w.-]{1,80}$/, 'a Jira field id');

/**
 * The form's values by Jira field id. JSON.parse makes `__proto__` an own key, which a parsed
 * record would drop without a word (or, assigned, would change the prototype): refused by name.
 */
const FieldValues = z
  .custom<Record<string, string>>((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')), {
    message: '__proto__ is not a Jira field id',
    path: ['__proto__'],
  })
  .pipe(z.record(FieldId, z.string().max(2000)));

/**
 * The analyst's edits to the draft's story (shared/story): sentence ids dropped, and sentences
 * reworded by id. Ids are the story's own; `__proto__` is refused by name as for form fields.
 */
export const StoryEditsSchema = z.strictObject({
  dropped: z.array(z.string().max(400)).max(2000),
  rewritten: z
    .custom<Record<string, string>>((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')), {
      message: '__proto__ is not a sentence id',
      path: ['__proto__'],
    })
    .pipe(z.record(z.string().max(400), z.string().max(2000))),
});
export type StoryEditsInput = z.infer<typeof StoryEditsSchema>;

/** A stored draft: the analyst's words and which events it is about (generated parts are derived). */
export const StoredDraft = z.strictObject({
  summary: z.string().max(1000).nullable(),
  analystText: LongText,
  fetchId: Id.nullable(),
  eventIds: z.array(z.string().max(200)).max(20_000),
  projectKey: JiraKey.nullable(),
  issueTypeId: JiraIdText.nullable(),
  fields: FieldValues,
  /** Absent in drafts saved before the story existed. */
  storyEdits: StoryEditsSchema.optional(),
  /** The containment runs and undos added to the ticket (its Containment section); absent when none. */
  containment: z.array(ContainmentTicketEntrySchema).max(20).optional(),
});
export type StoredDraft = z.infer<typeof StoredDraft>;

/** Which draft: one per investigation (fetch), or the scratch draft. */
export const DraftKey = Id;

/** What the host did with a submission. */
export const SubmitResult = z.object({
  submissionId: Id,
  /** created: the issue exists; unconfirmed: the create's answer was lost and the issue was not found yet. */
  state: z.enum(['created', 'unconfirmed']),
  issueKey: z.string().nullable(),
  issueUrl: z.string().nullable(),
  attachment: z.enum(['attached', 'failed', 'none']),
  message: z.string(),
});
export type SubmitResult = z.infer<typeof SubmitResult>;

export const PendingSubmissionInfo = z.object({
  submissionId: Id,
  site: z.string(),
  summary: z.string(),
  stage: z.enum(['creating', 'created']),
  issueKey: z.string().nullable(),
  createdAt: z.string(),
  lastError: z.string().nullable(),
});
export type PendingSubmissionInfo = z.infer<typeof PendingSubmissionInfo>;

/** The connection form's values: site, email and a token (null keeps the one saved for this site). */
/** A connection as typed: Cloud needs the account's email; Data Center's personal access token needs none. */
export const JiraConnectionDraft = z
  .strictObject({
    site: JiraSite,
    email: z.union([z.email().max(254), z.literal('')]),
    token: z.string().min(1).max(2000).nullable(),
    kind: z.enum(['cloud', 'datacenter']).optional(),
  })
  .refine((draft) => draft.kind === 'datacenter' || draft.email !== '', { message: 'the email of your Atlassian account', path: ['email'] });
export type JiraConnectionDraft = z.infer<typeof JiraConnectionDraft>;

export const ticketContract = {
  getJiraConnection: { input: Empty, output: JiraConnectionInfo },
  /** Saves site and email; a new token replaces the old; a different site forgets the token. */
  saveJiraConnection: {
    input: JiraConnectionDraft,
    output: JiraConnectionInfo,
  },
  forgetJiraConnection: { input: Empty, output: JiraConnectionInfo },
  /**
   * Reaches a site and says which account answered: the saved connection (no draft), or the
   * form's values before they are saved (draft). A null token means the one saved for that same site; the saved
   * token is never sent to another site.
   */
  testJiraConnection: {
    input: z.strictObject({ draft: JiraConnectionDraft.optional() }),
    output: z.object({ site: z.string(), accountId: z.string(), displayName: z.string(), emailAddress: z.string().nullable() }),
  },
  listJiraProjects: { input: z.strictObject({ query: ShortText.optional() }), output: z.object({ projects: z.array(JiraProject) }) },
  listJiraIssueTypes: { input: z.strictObject({ projectKey: JiraKey }), output: z.object({ issueTypes: z.array(JiraIssueType) }) },
  listJiraFields: {
    input: z.strictObject({ projectKey: JiraKey, issueTypeId: JiraIdText }),
    output: z.object({ fields: z.array(JiraFieldSpec) }),
  },
  loadDraft: {
    input: z.strictObject({ key: DraftKey }),
    output: z.object({ draft: StoredDraft.nullable(), savedAt: z.string().nullable() }),
  },
  /** Saves the draft atomically (temp file, fsync, rename). */
  saveDraft: { input: z.strictObject({ key: DraftKey, draft: StoredDraft }), output: z.object({ savedAt: z.string() }) },
  /**
   * Creates the issue. The host rebuilds the description from the fetch's records and the
   * analyst's text (it never takes ADF from the renderer), and attaches the events.
   */
  submitTicket: {
    input: z.strictObject({
      submissionId: Id,
      fetchId: Id,
      eventIds: z.array(z.string().max(200)).min(1).max(20_000),
      summary: z.string().max(1000).nullable(),
      analystText: LongText,
      projectKey: JiraKey,
      issueTypeId: JiraIdText,
      fields: FieldValues,
      storyEdits: StoryEditsSchema.optional(),
      containment: z.array(ContainmentTicketEntrySchema).max(20).optional(),
    }),
    output: SubmitResult,
  },
  listPendingSubmissions: { input: Empty, output: z.object({ pending: z.array(PendingSubmissionInfo) }) },
  /** Looks the submission up again; `resend: true` (the analyst's decision) creates it if still not found. */
  retryPendingSubmission: { input: z.strictObject({ submissionId: Id, resend: z.boolean() }), output: SubmitResult },
  discardPendingSubmission: { input: z.strictObject({ submissionId: Id }), output: Empty },
} as const;
