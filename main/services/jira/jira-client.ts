import { Version3Client } from 'jira.js';

import { toJiraHttpError } from './jira-http-error';

/** Where and as whom to reach Jira. The token never leaves the main process. */
export interface JiraCredentials {
  site: string;
  email: string;
  apiToken: string;
  /** A Data Center personal access token (sent as a Bearer token); email and apiToken are then unused. */
  pat?: string;
}

/** The raw createmeta field, as Jira describes it. */
export interface CreateMetaField {
  fieldId: string;
  key?: string;
  name: string;
  required: boolean;
  hasDefaultValue?: boolean;
  schema?: { type?: string; items?: string; system?: string; custom?: string };
  allowedValues?: unknown[];
}

/**
 * The few Jira Cloud REST v3 calls Trailcase makes. Callers depend on this interface, not on
 * jira.js, so the library can be swapped; every failure comes out as a JiraHttpError.
 */
export interface JiraApi {
  myself(): Promise<{ accountId: string; displayName: string; emailAddress: string | null }>;
  searchProjects(query?: string): Promise<Array<{ id: string; key: string; name: string }>>;
  issueTypes(projectKey: string): Promise<Array<{ id: string; name: string; subtask: boolean }>>;
  fields(projectKey: string, issueTypeId: string): Promise<CreateMetaField[]>;
  createIssue(fields: Record<string, unknown>): Promise<{ id: string; key: string }>;
  /** Issues carrying a label; Jira's search may lag behind a create by a few seconds. */
  findByLabel(projectKey: string, label: string): Promise<Array<{ id: string; key: string }>>;
  addAttachment(issueKey: string, filename: string, content: string): Promise<void>;
  /** The file names attached to an issue, to tell whether an upload whose answer was lost arrived. */
  attachmentNames(issueKey: string): Promise<string[]>;
}

function originOf(href: string): string {
  try {
    return new URL(href).origin;
  } catch {
    return '';
  }
}

/**
 * The request settings of every Jira client: a timeout, and redirects followed only with the
 * Authorization header (and cookies) removed when they lead away from the configured site's
 * origin (promise 7): a hostile or misconfigured server must not collect the token by redirecting.
 */
export function jiraRequestConfig(site: string, options: { timeoutMs?: number; headers?: Record<string, string> } = {}): Record<string, unknown> {
  const siteOrigin = originOf(site);
  return {
    timeout: options.timeoutMs ?? 30_000,
    maxRedirects: 3,
    ...(options.headers ? { headers: options.headers } : {}),
    beforeRedirect: (redirect: { href?: string; protocol?: string; host?: string; headers?: Record<string, unknown> }) => {
      const target = redirect.href ? originOf(redirect.href) : `${redirect.protocol ?? ''}//${redirect.host ?? ''}`;
      if (target !== siteOrigin && redirect.headers) {
        for (const name of Object.keys(redirect.headers)) if (/^(authorization|cookie)$/i.test(name)) delete redirect.headers[name];
      }
    },
  };
}

/** Reads every page (Jira caps page sizes below what was asked), up to a sane bound. */
export async function allPages<T>(read: (startAt: number) => Promise<{ items: T[]; total?: number; isLast?: boolean }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; page < 20; page++) {
    const next = await read(items.length);
    items.push(...next.items);
    if (
      next.items.length === 0 ||
      next.isLast === true ||
      (next.total !== undefined && items.length >= next.total) ||
      (next.total === undefined && next.isLast === undefined)
    )
      break;
  }
  return items;
}

/** Runs a call, every failure as a JiraHttpError. */
export async function jiraCall<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toJiraHttpError(error);
  }
}

/** Builds the Jira Cloud client (REST v3, basic auth with the API token). */
export function createJiraApi(credentials: JiraCredentials, options: { timeoutMs?: number } = {}): JiraApi {
  const client = new Version3Client({
    host: credentials.site,
    authentication: { basic: { email: credentials.email, apiToken: credentials.apiToken } },
    baseRequestConfig: jiraRequestConfig(credentials.site, options),
  });
  const call = jiraCall;

  return {
    myself: () =>
      call(async () => {
        const user = await client.myself.getCurrentUser();
        return {
          accountId: String(user.accountId ?? ''),
          displayName: String(user.displayName ?? ''),
          emailAddress: user.emailAddress ?? null,
        };
      }),
    searchProjects: (query) =>
      call(async () => {
        const projects = await allPages(async (startAt) => {
          const page = await client.projects.searchProjects({ query, startAt, maxResults: 50, orderBy: 'key' });
          return { items: page.values ?? [], total: page.total, isLast: page.isLast };
        });
        return projects.map((p) => ({ id: String(p.id), key: String(p.key), name: String(p.name ?? p.key) }));
      }),
    issueTypes: (projectKey) =>
      call(async () => {
        const types = await allPages(async (startAt) => {
          const page = await client.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: projectKey, startAt, maxResults: 50 });
          return { items: page.issueTypes ?? page.createMetaIssueType ?? [], total: page.total };
        });
        return types.map((t) => ({ id: String(t.id), name: String(t.name ?? t.id), subtask: Boolean(t.subtask) }));
      }),
    fields: (projectKey, issueTypeId) =>
      call(async () => {
        const fields = await allPages(async (startAt) => {
          const page = await client.issues.getCreateIssueMetaIssueTypeId({
            projectIdOrKey: projectKey,
            issueTypeId,
            startAt,
            maxResults: 50,
          });
          return { items: page.fields ?? page.results ?? [], total: page.total };
        });
        return fields as CreateMetaField[];
      }),
    createIssue: (fields) =>
      call(async () => {
        const created = await client.issues.createIssue({ fields: fields as never });
        return { id: String(created.id), key: String(created.key) };
      }),
    findByLabel: (projectKey, label) =>
      call(async () => {
        // Both values reach JQL: refuse anything but the characters our keys and labels use.
        if (!/^[A-Z][A-Z0-9_]*$/.test(projectKey) || !/^[\w.-]+$/.test(label))
          throw new Error('Refusing an unsafe project key or label in JQL');
        const jql = `project = "${projectKey}" AND labels = "${label}"`;
        const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields: ['labels'], maxResults: 10 });
        return (page.issues ?? []).map((issue) => ({ id: String(issue.id), key: String(issue.key) }));
      }),
    addAttachment: (issueKey, filename, content) =>
      call(async () => {
        await client.issueAttachments.addAttachment({
          issueIdOrKey: issueKey,
          attachment: { filename, file: Buffer.from(content, 'utf8'), mimeType: 'application/json' },
        });
      }),
    attachmentNames: (issueKey) =>
      call(async () => {
        const issue = await client.issues.getIssue({ issueIdOrKey: issueKey, fields: ['attachment'] });
        const attachments = (issue.fields as { attachment?: Array<{ filename?: unknown }> } | undefined)?.attachment ?? [];
        return attachments.map((a) => String(a.filename ?? ''));
      }),
  };
}
