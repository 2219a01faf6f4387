import { buildChatSummary } from '../../../shared/chat/chat-summary';
import type { ChatIssueLink } from '../../../shared/chat/chat-summary';
import { buildSlackMessage } from '../../../shared/chat/slack-blocks';
import type { SlackMessage } from '../../../shared/chat/slack-blocks';
import { buildTeamsMessage } from '../../../shared/chat/teams-card';
import type { TeamsMessage } from '../../../shared/chat/teams-card';
import type { NormalizedEvent } from '../../../shared/records/types';
import { buildTicketDraft } from '../../../shared/ticket/draft';
import type { DraftAnalysis } from '../../../shared/ticket/analysis-context';
import { ApiError } from '../../../shared/api/errors';
import type { ChatChannel } from './webhook-url';

/** A Jira issue key as Jira writes them; anything else is not put in a link. */
const issueKey = /^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/;

/** The link to a Jira issue, from the configured site (never from event data). */
export function jiraIssueLink(siteUrl: string, key: string): ChatIssueLink {
  if (!issueKey.test(key)) throw new ApiError('BAD_INPUT', `"${key.slice(0, 60)}" is not a Jira issue key such as SEC-12.`);
  let site: URL;
  try {
    site = new URL(siteUrl);
  } catch {
    throw new ApiError('CONFIG_INVALID', 'JIRA_BASE_URL is not a URL; set it to your Jira site, such as https://example.atlassian.net.');
  }
  if (site.protocol !== 'https:') throw new ApiError('CONFIG_INVALID', 'JIRA_BASE_URL must start with https://.');
  return { key, url: new URL(`browse/${key}`, site.href.endsWith('/') ? site.href : `${site.href}/`).href };
}

/** The message for a channel, from the same draft and analysis a ticket of these events gets. */
export function buildChatMessage(
  channel: ChatChannel,
  events: readonly NormalizedEvent[],
  options: { analysis?: DraftAnalysis | null; issue?: ChatIssueLink | null } = {},
): SlackMessage | TeamsMessage {
  const draft = buildTicketDraft(events, {}, undefined, options.analysis ?? null);
  const summary = buildChatSummary(draft, { issue: options.issue ?? null });
  return channel === 'slack' ? buildSlackMessage(summary) : buildTeamsMessage(summary);
}
