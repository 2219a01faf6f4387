import { Version2Client } from 'jira.js';

import { ApiError } from '../../../shared/api/errors';
import { allPages, createJiraApi, jiraCall as callJira, jiraRequestConfig } from './jira-client';
import { JiraHttpError } from './jira-http-error';
import type { CreateMetaField, JiraApi, JiraCredentials } from './jira-client';

/** Which Jira a site is: Cloud (REST v3, ADF) or Data Center / Server (REST v2, wiki markup). */
export type JiraDeployment = 'cloud' | 'datacenter';

/**
 * The same calls as the Cloud client, on Jira Data Center's REST v2 with a personal access token
 * as a Bearer token (set as a header of our own, so no OAuth flow of the library can send it
 * anywhere but the site). Data Center pages createmeta as `values`, lists projects in one array
 * and searches at /rest/api/2/search.
 */
export function createJiraDcApi(site: string, pat: string, options: { timeoutMs?: number } = {}): JiraApi {
  const client = new Version2Client({ host: site, baseRequestConfig: jiraRequestConfig(site, { ...options, headers: { Authorization: `Bearer ${pat}` } }) });
  // A refused token is a personal access token's problem here, not an email's and API token's.
  const jiraCall = <T>(request: () => Promise<T>): Promise<T> =>
    callJira(request).catch((error: unknown) => {
      if (error instanceof JiraHttpError && error.status === 401) {
        throw new ApiError('JIRA_AUTH', `Jira at ${site} did not accept the personal access token. Create a new one in Jira under your profile, Personal Access Tokens, and set JIRA_PAT to it.`);
      }
      throw error;
    });
  return {
    myself: () =>
      jiraCall(async () => {
        const user = (await client.myself.getCurrentUser()) as { key?: string; name?: string; displayName?: string; emailAddress?: string };
        return { accountId: String(user.key ?? user.name ?? ''), displayName: String(user.displayName ?? user.name ?? ''), emailAddress: user.emailAddress ?? null };
      }),
    searchProjects: (query) =>
      jiraCall(async () => {
        const projects = await client.sendRequest<Array<{ id?: unknown; key?: unknown; name?: unknown }>>({ url: '/rest/api/2/project', method: 'GET' }, undefined as never);
        const q = (query ?? '').toLowerCase();
        return projects
          .map((p) => ({ id: String(p.id), key: String(p.key), name: String(p.name ?? p.key) }))
          .filter((p) => !q || p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q))
          .sort((a, b) => a.key.localeCompare(b.key));
      }),
    issueTypes: (projectKey) =>
      jiraCall(async () => {
        const types = await allPages(async (startAt) => {
          const page = (await client.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: projectKey, startAt, maxResults: 50 })) as {
            values?: Array<{ id?: unknown; name?: unknown; subtask?: unknown }>;
            total?: number;
            isLast?: boolean;
          };
          return { items: page.values ?? [], total: page.total, isLast: page.isLast };
        });
        return types.map((t) => ({ id: String(t.id), name: String(t.name ?? t.id), subtask: Boolean(t.subtask) }));
      }),
    fields: (projectKey, issueTypeId) =>
      jiraCall(async () => {
        const fields = await allPages(async (startAt) => {
          const page = (await client.issues.getCreateIssueMetaIssueTypeId({ projectIdOrKey: projectKey, issueTypeId, startAt, maxResults: 50 })) as {
            values?: CreateMetaField[];
            total?: number;
            isLast?: boolean;
          };
          return { items: page.values ?? [], total: page.total, isLast: page.isLast };
        });
        return fields;
      }),
    createIssue: (fields) =>
      jiraCall(async () => {
        const created = await client.issues.createIssue({ fields: fields as never });
        return { id: String(created.id), key: String(created.key) };
      }),
    findByLabel: (projectKey, label) =>
      jiraCall(async () => {
        if (!/^[A-Z][A-Z0-9_]*$/.test(projectKey) || !/^[\w.-]+$/.test(label)) throw new Error('Refusing an unsafe project key or label in JQL');
        const page = await client.issueSearch.searchForIssuesUsingJql({ jql: `project = "${projectKey}" AND labels = "${label}"`, fields: ['labels'], maxResults: 10 });
        return (page.issues ?? []).map((issue) => ({ id: String(issue.id), key: String(issue.key) }));
      }),
    addAttachment: (issueKey, filename, content) =>
      jiraCall(async () => {
        await client.issueAttachments.addAttachment({ issueIdOrKey: issueKey, attachment: { filename, file: Buffer.from(content, 'utf8'), mimeType: 'application/json' } });
      }),
    attachmentNames: (issueKey) =>
      jiraCall(async () => {
        const issue = await client.issues.getIssue({ issueIdOrKey: issueKey, fields: ['attachment'] });
        const attachments = (issue.fields as { attachment?: Array<{ filename?: unknown }> } | undefined)?.attachment ?? [];
        return attachments.map((a) => String(a.filename ?? ''));
      }),
  };
}

/**
 * The client for the configured Jira and which Jira it is. A personal access token means Data
 * Center: the site's serverInfo must say so (a Cloud site takes an email and API token instead).
 * Email and API token mean Cloud, as before.
 */
export async function openJira(credentials: JiraCredentials, options: { timeoutMs?: number } = {}): Promise<{ api: JiraApi; deployment: JiraDeployment }> {
  if (!credentials.pat) return { api: createJiraApi(credentials, options), deployment: 'cloud' };
  // serverInfo is read without the token, so a token meant for Data Center never reaches a Cloud site.
  const anonymous = new Version2Client({ host: credentials.site, baseRequestConfig: jiraRequestConfig(credentials.site, options) });
  const type = await callJira(async () => String((await anonymous.serverInfo.getServerInfo()).deploymentType ?? ''));
  if (type === 'Cloud') {
    throw new ApiError('JIRA_AUTH', `${credentials.site} is Jira Cloud, which takes an email and API token (JIRA_EMAIL, JIRA_API_TOKEN), not a personal access token (JIRA_PAT).`);
  }
  return { api: createJiraDcApi(credentials.site, credentials.pat, options), deployment: 'datacenter' };
}
