import { join } from 'node:path';

import { z } from 'zod';

import { ApiError } from '../../../shared/api/errors';
import { siteOrigin } from '../../../shared/api/ticket-contract';
import type { JiraConnectionInfo } from '../../../shared/api/ticket-contract';
import { readJson, writeJsonAtomic } from '../drafts/json-file';
import type { SecretStore } from '../secrets/secret-store';
import type { JiraCredentials } from './jira-client';

const SavedConnection = z.object({ site: z.string(), email: z.string(), kind: z.enum(['cloud', 'datacenter']).optional() });
const SiteDefaults = z.object({
  projectKey: z.string().nullable(),
  issueTypeId: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});
const DefaultsFile = z.record(z.string(), SiteDefaults);
type SiteDefaults = z.infer<typeof SiteDefaults>;

/** A change of the Jira site Trailcase sends tickets to: from the current one (or none) to `to`. */
export interface JiraSiteChange {
  from: string | null;
  to: string;
}

/**
 * Asks the analyst, outside the page, whether to connect to a new site (the desktop's own
 * dialog); true to go on. A host whose only UI is the page (the web host) has none.
 */
export type ConfirmJiraSite = (change: JiraSiteChange) => Promise<boolean>;

const tokenName = (site: string) => `jira-token:${site}`;
const emptyDefaults: SiteDefaults = { projectKey: null, issueTypeId: null, fields: {} };

/**
 * The Jira connection: site and email on disk, the token only in the host's secret store (never
 * on disk in clear, never sent to the renderer). A saved connection wins; otherwise the
 * JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN variables (CLI, web host) are used.
 */
export function createConnectionStore(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
  confirmJiraSite?: ConfirmJiraSite;
}) {
  const file = join(options.dataDir, 'jira', 'connection.json');
  const defaultsFile = join(options.dataDir, 'jira', 'defaults.json');

  async function saved(): Promise<z.infer<typeof SavedConnection> | null> {
    const parsed = SavedConnection.safeParse(await readJson(file).catch(() => null));
    return parsed.success ? parsed.data : null;
  }

  /** Cloud: JIRA_EMAIL and JIRA_API_TOKEN; Data Center: JIRA_PAT, a personal access token. */
  function fromEnvironment(): JiraCredentials | null {
    const site = siteOrigin(options.env.JIRA_BASE_URL ?? '');
    const email = options.env.JIRA_EMAIL?.trim();
    const apiToken = options.env.JIRA_API_TOKEN?.trim();
    const pat = options.env.JIRA_PAT?.trim();
    if (site && pat) return { site, email: email ?? '', apiToken: '', pat };
    return site && email && apiToken ? { site, email, apiToken } : null;
  }

  async function resolve(): Promise<{
    source: 'saved' | 'environment' | 'none';
    site: string | null;
    email: string | null;
    token: string | null;
    pat?: string;
  }> {
    const stored = await saved();
    const token = stored ? await options.secrets.get(tokenName(stored.site)) : null;
    // A saved Data Center connection's token is its personal access token.
    if (stored && token) return { source: 'saved', site: stored.site, email: stored.email, token, ...(stored.kind === 'datacenter' ? { pat: token } : {}) };
    const env = fromEnvironment();
    if (env) return { source: 'environment', site: env.site, email: env.email, token: env.pat ?? env.apiToken, ...(env.pat ? { pat: env.pat } : {}) };
    return stored ? { source: 'saved', site: stored.site, email: stored.email, token: null } : { source: 'none', site: null, email: null, token: null };
  }

  async function readDefaults(): Promise<Record<string, SiteDefaults>> {
    const parsed = DefaultsFile.safeParse(await readJson(defaultsFile).catch(() => null));
    return parsed.success ? parsed.data : {};
  }

  async function info(): Promise<JiraConnectionInfo> {
    const current = await resolve();
    const defaults = current.site ? ((await readDefaults())[current.site] ?? emptyDefaults) : emptyDefaults;
    return {
      site: current.site,
      email: current.email,
      hasToken: current.token !== null,
      kind: current.pat || (await saved())?.kind === 'datacenter' ? 'datacenter' : 'cloud',
      source: current.source,
      tokenPersistent: current.source === 'saved' ? options.secrets.persistent : false,
      // How tokens are kept matters only for one typed in here, not for one from the environment.
      warning: current.source === 'environment' ? null : options.secrets.warning,
      defaults,
    };
  }

  return {
    info,
    /**
     * Saves site and email; a token replaces the old one; a different site forgets the old token.
     * A site other than the one in use is saved only once the analyst confirmed it outside the
     * page (where the host can ask): the page alone must not choose where tickets go.
     */
    async save(input: { site: string; email: string; token: string | null; kind?: 'cloud' | 'datacenter' | undefined }): Promise<JiraConnectionInfo> {
      const site = siteOrigin(input.site);
      if (!site)
        throw new ApiError('BAD_INPUT', 'The Jira site must be an https URL.', {
          site: 'an https URL such as https://your-team.atlassian.net',
        });
      const current = (await resolve()).site;
      if (site !== current && options.confirmJiraSite && !(await options.confirmJiraSite({ from: current, to: site })))
        throw new ApiError('CANCELLED', `The Jira site was not changed: connecting to ${site} was not confirmed.`);
      const previous = await saved();
      if (previous && previous.site !== site) await options.secrets.delete(tokenName(previous.site));
      await writeJsonAtomic(file, { site, email: input.email.trim(), kind: input.kind ?? 'cloud' });
      if (input.token) await options.secrets.set(tokenName(site), input.token.trim());
      return info();
    },
    async forget(): Promise<JiraConnectionInfo> {
      const previous = await saved();
      if (previous) await options.secrets.delete(tokenName(previous.site));
      await writeJsonAtomic(file, {});
      return info();
    },
    /** The credentials to call Jira with; JIRA_NOT_CONNECTED says what is missing. */
    async credentials(): Promise<JiraCredentials> {
      const current = await resolve();
      if (current.site && current.pat) return { site: current.site, email: '', apiToken: '', pat: current.pat };
      if (!current.site || !current.email)
        throw new ApiError(
          'JIRA_NOT_CONNECTED',
          'Jira is not connected: enter the site, email and API token in the Jira connection (or set JIRA_BASE_URL with JIRA_EMAIL and JIRA_API_TOKEN for Cloud, or JIRA_PAT for Data Center).',
        );
      if (!current.token)
        throw new ApiError('JIRA_NOT_CONNECTED', `No API token is saved for ${current.site}: enter it in the Jira connection.`);
      return { site: current.site, email: current.email, apiToken: current.token };
    },
    /**
     * The credentials of the connection form before it is saved, to test them. Without a typed
     * token, only the token saved for that same site is used: it never goes to another site.
     */
    async credentialsFor(draft: { site: string; email: string; token: string | null; kind?: 'cloud' | 'datacenter' | undefined }): Promise<JiraCredentials> {
      const site = siteOrigin(draft.site);
      if (!site)
        throw new ApiError('BAD_INPUT', 'The Jira site must be an https address.', {
          site: 'an https address such as https://your-team.atlassian.net',
        });
      const current = await resolve();
      const apiToken = draft.token?.trim() || (current.site === site ? current.token : null);
      if (!apiToken)
        throw new ApiError('JIRA_NOT_CONNECTED', `No API token is saved for ${site}: paste one to test this site.`, {
          token: 'Paste the API token for this site.',
        });
      if (draft.kind === 'datacenter') return { site, email: '', apiToken: '', pat: apiToken };
      return { site, email: draft.email.trim(), apiToken };
    },
    async saveDefaults(site: string, defaults: SiteDefaults): Promise<void> {
      const all = await readDefaults();
      all[site] = defaults;
      await writeJsonAtomic(defaultsFile, all);
    },
  };
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
