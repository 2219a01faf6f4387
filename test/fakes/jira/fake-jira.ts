import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { validateCreate } from './create-validation';
import type { Deployment } from './create-validation';
import { defaultProjects } from './fake-jira-data';
import type { FakeIssue, FakeProject } from './fake-jira-data';

/** A scripted failure: answer with a status (and headers and body), or drop the connection. */
export type Fault =
  /** Answers with a status; `after: true` does the work first (a proxy failing after Jira stored it). */
  | { route: Route; status: number; headers?: Record<string, string>; body?: unknown; after?: boolean }
  /** Destroys the socket without an answer; `after: true` does the work first (a lost response). */
  | { route: Route; drop: true; after: boolean };

type Route = 'serverInfo' | 'myself' | 'projects' | 'createmeta' | 'create' | 'search' | 'attach' | 'issue';

export interface FakeJiraOptions {
  email?: string;
  apiToken?: string;
  projects?: FakeProject[];
  /** New issues stay invisible to search for this long, as Jira's search index lags. */
  searchLagMs?: number;
  /** The most items one page holds, whatever maxResults asks (Jira caps it). */
  maxPageSize?: number;
  /** Data Center: REST v2, a personal access token as Bearer, wiki descriptions, createmeta's `values` pages. */
  deployment?: Deployment;
  /** Data Center's personal access token. */
  pat?: string;
}

/** One request as the fake saw it (never the credential itself). */
export interface LoggedRequest {
  method: string;
  path: string;
  route: Route | null;
  hasAuthorization: boolean;
  atlassianToken: string | null;
  status: number;
}

/**
 * Jira Cloud REST v3 (or, with `deployment: 'datacenter'`, Jira Data Center REST v2) as Jira behaves, for the real jira.js client to talk to: basic auth, the
 * createmeta endpoints, create validation (ADF descriptions, one-line summaries, labels without
 * spaces, required fields), a lagging search, attachments behind the XSRF header, and scripted
 * faults (statuses with Retry-After, dropped connections, lost responses, redirects).
 */
export async function startFakeJira(options: FakeJiraOptions = {}) {
  const email = options.email ?? 'analyst@example.com';
  const apiToken = options.apiToken ?? 'fake-token';
  const projects = options.projects ?? defaultProjects();
  const issues: FakeIssue[] = [];
  const faults: Fault[] = [];
  const log: LoggedRequest[] = [];
  let searchLagMs = options.searchLagMs ?? 0;
  let redirectTo: string | null = null;
  let nextId = 10_000;
  const forbidden = new Set<string>();
  const receivers = new Map<Route, (body: Buffer) => Promise<void> | void>();
  const answerWaiters: Array<{ route: Route; resolve: (status: number) => void }> = [];
  const maxPageSize = options.maxPageSize ?? 50;
  const deployment = options.deployment ?? 'cloud';
  const pat = options.pat ?? 'fake-personal-access-token';
  const v = deployment === 'cloud' ? '3' : '2';

  function page<T>(items: T[], url: URL): { startAt: number; maxResults: number; total: number; isLast: boolean; slice: T[] } {
    const startAt = Number(url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(Number(url.searchParams.get('maxResults') ?? maxPageSize), maxPageSize);
    const slice = items.slice(startAt, startAt + maxResults);
    return { startAt, maxResults, total: items.length, isLast: startAt + slice.length >= items.length, slice };
  }

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => send(response, 500, { errorMessages: [String(error)] }));
  });

  function routeOf(method: string, path: string): Route | null {
    const api = `/rest/api/${v}`;
    if (method === 'GET' && /^\/rest\/api\/[23]\/serverInfo$/.test(path)) return 'serverInfo';
    if (method === 'GET' && path === `${api}/myself`) return 'myself';
    if (method === 'GET' && path === (deployment === 'cloud' ? `${api}/project/search` : `${api}/project`)) return 'projects';
    if (method === 'GET' && path.startsWith(`${api}/issue/createmeta/`)) return 'createmeta';
    if (method === 'POST' && path === `${api}/issue`) return 'create';
    if (method === 'GET' && path === (deployment === 'cloud' ? `${api}/search/jql` : `${api}/search`)) return 'search';
    if (method === 'POST' && new RegExp(`^${api}/issue/[^/]+/attachments$`).test(path)) return 'attach';
    if (method === 'GET' && new RegExp(`^${api}/issue/[^/]+$`).test(path)) return 'issue';
    return null;
  }

  const authorized = (header: string | undefined) =>
    deployment === 'cloud' ? header === `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}` : header === `Bearer ${pat}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    const body = await readBody(request);
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      route,
      hasAuthorization: Boolean(request.headers.authorization),
      atlassianToken: (request.headers['x-atlassian-token'] as string | undefined) ?? null,
      status: 0,
    };
    log.push(entry);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      send(response, status, payload, headers);
      for (const waiter of answerWaiters.filter((w) => w.route === route)) {
        answerWaiters.splice(answerWaiters.indexOf(waiter), 1);
        waiter.resolve(status);
      }
    };
    if (redirectTo) return reply(307, '', { Location: `${redirectTo}${url.pathname}${url.search}` });
    // serverInfo answers anonymous callers too, as Jira does (a wrong credential is still refused).
    const anonymousInfo = route === 'serverInfo' && !request.headers.authorization;
    if (!anonymousInfo && !authorized(request.headers.authorization)) return reply(401, 'Client must be authenticated to access this resource.');
    // A test's look at the world at the moment Jira receives the request, before any answer.
    const receiver = route ? receivers.get(route) : undefined;
    if (receiver) await receiver(body);
    const faultIndex = faults.findIndex((fault) => fault.route === route);
    const fault = faultIndex >= 0 ? faults.splice(faultIndex, 1)[0] : undefined;
    if (fault && 'drop' in fault && !fault.after) return void request.socket.destroy();
    const scripted = (status: number, headers?: Record<string, string>, payload?: unknown) =>
      reply(status, payload ?? { errorMessages: [`Scripted ${status}`], errors: {} }, headers);
    if (fault && 'status' in fault && !fault.after) return scripted(fault.status, fault.headers, fault.body);
    const answer = await serve(route, url, body, request);
    if (fault && 'drop' in fault) return void request.socket.destroy();
    if (fault && 'status' in fault) return scripted(fault.status, fault.headers, fault.body);
    reply(answer.status, answer.body);
  }

  async function serve(route: Route | null, url: URL, body: Buffer, request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    switch (route) {
      case 'serverInfo':
        return {
          status: 200,
          body:
            deployment === 'cloud'
              ? { baseUrl: 'http://fake', version: '1001.0.0-SNAPSHOT', versionNumbers: [1001, 0, 0], deploymentType: 'Cloud', buildNumber: 100280, serverTitle: 'Jira' }
              : { baseUrl: 'http://fake', version: '9.12.15', versionNumbers: [9, 12, 15], deploymentType: 'DataCenter', buildNumber: 9120015, serverTitle: 'Jira' },
        };
      case 'myself':
        return deployment === 'cloud'
          ? { status: 200, body: { accountId: '5b10a2844c20165700ede21g', emailAddress: email, displayName: 'Ana Lyst', active: true } }
          : { status: 200, body: { key: 'JIRAUSER10100', name: 'alyst', emailAddress: email, displayName: 'Ana Lyst', active: true } };
      case 'projects': {
        const query = (url.searchParams.get('query') ?? '').toLowerCase();
        const values = projects
          .filter((p) => !query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
          .map(({ id, key, name }) => ({ id, key, name }));
        // Data Center lists every project in one array; Cloud pages them.
        if (deployment === 'datacenter') return { status: 200, body: values };
        const { slice, ...paging } = page(values, url);
        return { status: 200, body: { ...paging, values: slice } };
      }
      case 'createmeta': {
        const [, projectKey, typeId] = /^\/rest\/api\/[23]\/issue\/createmeta\/([^/]+)\/issuetypes(?:\/([^/]+))?$/.exec(url.pathname) ?? [];
        const project = projects.find((p) => p.key === projectKey || p.id === projectKey);
        if (!project) return { status: 404, body: { errorMessages: ['Project not found'], errors: {} } };
        if (!typeId) {
          const { slice, startAt, maxResults, total, isLast } = page(
            project.issueTypes.map(({ id, name, subtask }) => ({ id, name, subtask })),
            url,
          );
          // Data Center (8.4+) pages createmeta as `values` with isLast; Cloud names the list.
          if (deployment === 'datacenter') return { status: 200, body: { startAt, maxResults, total, isLast, values: slice } };
          return { status: 200, body: { startAt, maxResults, total, issueTypes: slice } };
        }
        const type = project.issueTypes.find((t) => t.id === typeId);
        if (!type) return { status: 404, body: { errorMessages: ['Issue type not found'], errors: {} } };
        const { slice, startAt, maxResults, total, isLast } = page(
          type.fields.map((f) => ({ ...f, key: f.fieldId, operations: ['set'], hasDefaultValue: Boolean(f.hasDefaultValue) })),
          url,
        );
        if (deployment === 'datacenter') return { status: 200, body: { startAt, maxResults, total, isLast, values: slice } };
        return { status: 200, body: { startAt, maxResults, total, fields: slice } };
      }
      case 'create': {
        const payload = JSON.parse(body.toString('utf8') || '{}') as { fields?: Record<string, unknown> };
        const checked = validateCreate(projects, payload.fields ?? {}, deployment);
        if ('errors' in checked) return { status: 400, body: checked };
        if (forbidden.has(checked.project.key))
          return { status: 403, body: { errorMessages: ['You do not have permission to create issues in this project.'], errors: {} } };
        const number = issues.filter((issue) => issue.key.startsWith(`${checked.project.key}-`)).length + 1;
        const issue: FakeIssue = {
          id: String(nextId++),
          key: `${checked.project.key}-${number}`,
          fields: payload.fields ?? {},
          createdAt: Date.now(),
          attachments: [],
        };
        issues.push(issue);
        return { status: 201, body: { id: issue.id, key: issue.key, self: `http://fake/rest/api/${v}/issue/${issue.id}` } };
      }
      case 'search': {
        const jql = url.searchParams.get('jql') ?? '';
        const label = /labels\s*=\s*"([^"]+)"/.exec(jql)?.[1];
        const project = /project\s*=\s*"([^"]+)"/.exec(jql)?.[1];
        const now = Date.now();
        const found = issues.filter(
          (issue) =>
            now - issue.createdAt >= searchLagMs &&
            (!label || (issue.fields.labels as string[] | undefined)?.includes(label)) &&
            (!project || issue.key.startsWith(`${project}-`)),
        );
        return {
          status: 200,
          body:
            deployment === 'cloud'
              ? { issues: found.map((issue) => ({ id: issue.id, key: issue.key, fields: { labels: issue.fields.labels } })), isLast: true }
              : { startAt: 0, maxResults: 50, total: found.length, issues: found.map((issue) => ({ id: issue.id, key: issue.key, fields: { labels: issue.fields.labels } })) },
        };
      }
      case 'attach': {
        if (request.headers['x-atlassian-token'] !== 'no-check') return { status: 403, body: 'XSRF check failed' };
        const key = decodeURIComponent(url.pathname.split('/')[5] ?? '');
        const issue = issues.find((i) => i.key === key || i.id === key);
        if (!issue)
          return { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
        const form = await new Request('http://fake/', {
          method: 'POST',
          headers: { 'content-type': String(request.headers['content-type']) },
          body: new Uint8Array(body),
        }).formData();
        const files = form.getAll('file').filter((value) => typeof value !== 'string') as unknown as Array<{
          name: string;
          text(): Promise<string>;
        }>;
        if (files.length === 0) return { status: 400, body: { errorMessages: ['No file named "file" in the request.'], errors: {} } };
        const added = [];
        for (const file of files) {
          const attachment = { id: String(nextId++), filename: file.name, content: await file.text() };
          issue.attachments.push(attachment);
          added.push({ id: attachment.id, filename: attachment.filename, size: attachment.content.length });
        }
        return { status: 200, body: added };
      }
      case 'issue': {
        const key = decodeURIComponent(url.pathname.split('/')[5] ?? '');
        const issue = issues.find((i) => i.key === key || i.id === key);
        if (!issue)
          return { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
        return {
          status: 200,
          body: {
            id: issue.id,
            key: issue.key,
            fields: { attachment: issue.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.content.length })) },
          },
        };
      }
      default:
        return { status: 404, body: { errorMessages: ['Not found'], errors: {} } };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    email,
    apiToken,
    pat,
    issues,
    log,
    /** Queues a fault for the next request of its route. */
    fail(fault: Fault) {
      faults.push(fault);
    },
    /** Calls `hook` (and waits for it) each time a request of `route` arrives, before it is served. */
    onReceive(route: Route, hook: ((body: Buffer) => Promise<void> | void) | null) {
      if (hook) receivers.set(route, hook);
      else receivers.delete(route);
    },
    /** Resolves with the status once the next request of `route` has been served (even to a client gone). */
    answered(route: Route): Promise<number> {
      return new Promise((resolve) => answerWaiters.push({ route, resolve }));
    },
    forbid(projectKey: string) {
      forbidden.add(projectKey);
    },
    allow(projectKey: string) {
      forbidden.delete(projectKey);
    },
    setSearchLag(ms: number) {
      searchLagMs = ms;
    },
    redirectTo(target: string | null) {
      redirectTo = target;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeJira = Awaited<ReturnType<typeof startFakeJira>>;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  response.writeHead(status, {
    'Content-Type': typeof payload === 'string' ? 'text/plain;charset=UTF-8' : 'application/json;charset=UTF-8',
    ...headers,
  });
  response.end(text);
}
