import { describe, expect, test } from 'vitest';

import { buildChatSummary } from '../../../shared/chat/chat-summary';
import { buildTeamsMessage, teamsMaxBytes } from '../../../shared/chat/teams-card';
import { buildTicketDraft } from '../../../shared/ticket/draft';
import { chatHostile, hostileChatEvents, walk } from './chat-fixtures';

const issue = { key: 'SEC-12', url: 'https://example.atlassian.net/browse/SEC-12' };
const ourHeadings = new Set(['What happened', 'Top findings', 'Next steps']);

function hostileCard() {
  return buildTeamsMessage(buildChatSummary(buildTicketDraft(hostileChatEvents()), { issue }));
}

describe('Teams card from hostile events (promise 23)', () => {
  test('TextBlocks (which read Markdown) hold only our own headings; data sits in TextRuns only', () => {
    const card = hostileCard().attachments[0]!.content;
    for (const element of card.body) {
      if (element.type === 'TextBlock') expect(ourHeadings).toContain(element.text);
      else for (const run of element.inlines) expect(run.type).toBe('TextRun');
    }
    const runs = card.body.flatMap((element) => (element.type === 'RichTextBlock' ? element.inlines.map((run) => run.text) : []));
    const all = runs.join('\n');
    expect(all).toContain('<at>Boss</at>');
    expect(all).not.toMatch(/https?:\/\/evil/);
    for (const text of chatHostile.filter((value) => !value.includes('://') && !value.includes('www.'))) expect(all).toContain(text);
  });

  test('no mention entities, no selectAction, and the only link is the Jira issue', () => {
    const message = hostileCard();
    const keys: string[] = [];
    const urls: unknown[] = [];
    walk(message, (key, child) => {
      keys.push(key);
      if (key === 'url') urls.push(child);
    });
    expect(keys).not.toContain('msteams');
    expect(keys).not.toContain('entities');
    expect(keys).not.toContain('selectAction');
    expect(urls).toEqual([issue.url]);
  });

  test('a card too large for Teams is shortened below 28 KB with a note', () => {
    const summary = buildChatSummary(buildTicketDraft(hostileChatEvents()));
    const message = buildTeamsMessage({ ...summary, happened: Array.from({ length: 300 }, (_, i) => `Sentence ${i} ${'z'.repeat(400)}`) });
    expect(new TextEncoder().encode(JSON.stringify(message)).length).toBeLessThanOrEqual(teamsMaxBytes);
    const last = message.attachments[0]!.content.body.at(-1)!;
    expect(last.type === 'RichTextBlock' && last.inlines[0]!.text).toMatch(/more lines? left out/);
  });
});
