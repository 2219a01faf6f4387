import type { ChatSummary } from './chat-summary';
import { cutText } from './chat-text';

/** Slack's Block Kit limits for a message (incoming webhooks refuse more with `invalid_blocks`). */
export const slackLimits = { blocks: 50, text: 3000, header: 150 } as const;

/** A text run of a rich_text block: plain characters, optionally bold (our own labels only). */
export interface SlackTextRun {
  type: 'text';
  text: string;
  style?: { bold: true };
}
type SlackRichElement =
  | { type: 'rich_text_section'; elements: SlackTextRun[] }
  | { type: 'rich_text_list'; style: 'bullet'; elements: Array<{ type: 'rich_text_section'; elements: SlackTextRun[] }> };

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: false } }
  | { type: 'section'; text: { type: 'plain_text'; text: string; emoji: false } }
  | { type: 'context'; elements: Array<{ type: 'plain_text'; text: string; emoji: false }> }
  | { type: 'rich_text'; elements: SlackRichElement[] }
  | { type: 'actions'; elements: Array<{ type: 'button'; text: { type: 'plain_text'; text: string; emoji: false }; url: string; action_id: string }> };

/** The webhook's JSON body. `text` is the notification fallback: Slack reads it as mrkdwn, so it holds only our own words. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: false as const });

/**
 * One titled list as rich_text blocks, each at most `slackLimits.text` characters: the label is
 * ours (bold), each item is data in a plain text run. Rich text runs are not parsed as mrkdwn,
 * so `<!channel>`, `<@U…>`, `<url|text>`, `*bold*` from data stay characters.
 */
function listBlocks(label: string, items: string[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let batch: string[] = [];
  let size = label.length;
  const flush = () => {
    if (batch.length === 0) return;
    const title: SlackRichElement = { type: 'rich_text_section', elements: [{ type: 'text', text: blocks.length ? `${label} (continued)` : label, style: { bold: true } }] };
    const list: SlackRichElement = { type: 'rich_text_list', style: 'bullet', elements: batch.map((text) => ({ type: 'rich_text_section', elements: [{ type: 'text', text }] })) };
    blocks.push({ type: 'rich_text', elements: [title, list] });
    batch = [];
    size = label.length + 12;
  };
  for (const item of items) {
    const text = cutText(item, slackLimits.text - label.length - 20);
    if (size + text.length > slackLimits.text) flush();
    batch.push(text);
    size += text.length;
  }
  flush();
  return blocks;
}

/**
 * The summary as Block Kit within Slack's limits: a long story is cut at the block limit with a
 * note saying how much was left out, so the message is shortened, never refused.
 */
export function buildSlackMessage(summary: ChatSummary): SlackMessage {
  const head: SlackBlock[] = [
    { type: 'header', text: plain(cutText(summary.title, slackLimits.header)) },
    { type: 'section', text: plain(cutText(`Identity: ${summary.identity}\nRange: ${summary.range}`, slackLimits.text)) },
    { type: 'context', elements: [plain(summary.counts)] },
  ];
  const findings = summary.findings.map((finding) => `${finding.severity.toUpperCase()}: ${finding.text}`);
  const body = [
    ...listBlocks('What happened', summary.happened),
    ...listBlocks('Top findings', findings),
    ...listBlocks('Next steps', summary.nextSteps),
  ];
  const tail: SlackBlock[] = summary.issue
    ? [{ type: 'actions', elements: [{ type: 'button', text: plain(cutText(`Open ${summary.issue.key} in Jira`, 75)), url: summary.issue.url, action_id: 'open-issue' }] }]
    : [];
  const room = slackLimits.blocks - head.length - tail.length;
  let kept = body;
  if (body.length > room) {
    kept = body.slice(0, room - 1);
    const left = body.length - kept.length;
    kept.push({ type: 'context', elements: [plain(`${left} more block${left === 1 ? '' : 's'} of the summary left out (Slack's limit); the ticket and Trailcase have all of it.`)] });
  }
  return { text: `Trailcase investigation summary: ${summary.counts}`, blocks: [...head, ...kept, ...tail] };
}
