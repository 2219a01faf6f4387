import type { TicketDraft } from '../ticket/draft';
import { sentenceText } from '../story/types';
import { chatText } from './chat-text';

/** A Jira issue the message points to; the URL is built from the configured site, never from data. */
export interface ChatIssueLink {
  key: string;
  url: string;
}

/** A finding as one line of the message. */
export interface ChatFinding {
  severity: string;
  text: string;
}

/**
 * What a chat message says, every string already made inert (chatText). Renderers place each
 * string in plain text only: the Slack and Teams renderers differ in layout, never in what data
 * may become.
 */
export interface ChatSummary {
  title: string;
  identity: string;
  range: string;
  counts: string;
  happened: string[];
  findings: ChatFinding[];
  nextSteps: string[];
  issue: ChatIssueLink | null;
}

const severityOrder = ['critical', 'high', 'medium', 'low', 'info'];

/** The summary a channel gets from the ticket draft of the same events. */
export function buildChatSummary(draft: TicketDraft, options: { issue?: ChatIssueLink | null } = {}): ChatSummary {
  const { facts } = draft;
  const times = draft.rows.map((row) => row.time).filter((time) => /^\d{4}-/.test(time)).sort();
  const actors = facts.identity.actors.slice(0, 3).map((entry) => entry.value);
  const findings = [...(draft.enrichment?.findings ?? [])]
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity))
    .slice(0, 5)
    .map((finding) => ({
      severity: finding.severity,
      text: chatText(finding.summaryParts.map((part) => ('value' in part ? part.value : part.text)).join('') || finding.title, 400),
    }));
  const flagged = facts.flagged.length;
  return {
    title: chatText(draft.summary, 250),
    identity: actors.length ? chatText(actors.join(', '), 300) : 'No identity was recorded.',
    range: times.length ? `${times[0]} to ${times[times.length - 1]} (UTC)` : 'No event times were recorded.',
    counts: `${facts.total} event${facts.total === 1 ? '' : 's'}, ${flagged} flagged, ${facts.byCategory.write} write, ${facts.byCategory.error} failed.`,
    happened: (draft.story?.happened ?? []).map((sentence) => chatText(sentenceText(sentence), 600)),
    findings,
    nextSteps: draft.nextSteps.slice(0, 5).map((step) => chatText(step, 400)),
    issue: options.issue ?? null,
  };
}
