import type { ChatSummary } from './chat-summary';
import { cutText } from './chat-text';

/** Teams refuses a message over about 28 KB; the card is shortened below this. */
export const teamsMaxBytes = 27 * 1024;

/** A text run: Adaptive Cards never read Markdown in a TextRun, so data in one stays characters. */
export interface TeamsTextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
}
export type TeamsElement =
  | { type: 'TextBlock'; text: string; size?: 'Large' | 'Medium'; weight?: 'Bolder'; wrap: true }
  | { type: 'RichTextBlock'; inlines: TeamsTextRun[] };

export interface TeamsCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  body: TeamsElement[];
  actions: Array<{ type: 'Action.OpenUrl'; title: string; url: string }>;
}

/** The body a Workflows webhook takes: a message with one Adaptive Card attachment. */
export interface TeamsMessage {
  type: 'message';
  attachments: Array<{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: TeamsCard }>;
}

/** Our own heading: a TextBlock (which reads Markdown), so it never holds data. */
const heading = (text: string): TeamsElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true });
/** A line of data, optionally after a label of ours: only TextRuns. */
const line = (value: string, label?: string): TeamsElement => ({
  type: 'RichTextBlock',
  inlines: [...(label ? [{ type: 'TextRun' as const, text: `${label} `, weight: 'Bolder' as const }] : []), { type: 'TextRun', text: value }],
});

const wrap = (body: TeamsElement[], actions: TeamsCard['actions']): TeamsMessage => ({
  type: 'message',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body, actions },
    },
  ],
});

const size = (message: TeamsMessage) => new TextEncoder().encode(JSON.stringify(message)).length;

/**
 * The summary as an Adaptive Card. No mention entities, no Markdown from data (every value is a
 * TextRun), the only link the Jira issue's button; when too large for Teams, list items are left
 * out from the end with a note, so the card is shortened, never refused.
 */
export function buildTeamsMessage(summary: ChatSummary): TeamsMessage {
  const head: TeamsElement[] = [
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: cutText(summary.title, 300), weight: 'Bolder' }] },
    line(summary.identity, 'Identity:'),
    line(summary.range, 'Range:'),
    line(summary.counts),
  ];
  const sections: Array<[string, string[]]> = [
    ['What happened', summary.happened],
    ['Top findings', summary.findings.map((finding) => `${finding.severity.toUpperCase()}: ${finding.text}`)],
    ['Next steps', summary.nextSteps],
  ];
  const items = sections.flatMap(([title, values]) => (values.length ? [heading(title), ...values.map((value) => line(`• ${value}`))] : []));
  const actions: TeamsCard['actions'] = summary.issue ? [{ type: 'Action.OpenUrl', title: `Open ${summary.issue.key} in Jira`, url: summary.issue.url }] : [];
  let kept = items;
  let message = wrap([...head, ...kept], actions);
  while (size(message) > teamsMaxBytes && kept.length > 0) {
    kept = kept.slice(0, Math.max(0, Math.floor(kept.length * 0.8)));
    const left = items.length - kept.length;
    message = wrap([...head, ...kept, line(`${left} more line${left === 1 ? '' : 's'} left out (Teams' size limit); the ticket and Trailcase have all of it.`)], actions);
  }
  return message;
}
