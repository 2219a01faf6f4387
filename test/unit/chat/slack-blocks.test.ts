import { describe, expect, test } from 'vitest';

import { buildChatSummary } from '../../../shared/chat/chat-summary';
import type { ChatSummary } from '../../../shared/chat/chat-summary';
import { buildSlackMessage, slackLimits } from '../../../shared/chat/slack-blocks';
import { buildTicketDraft } from '../../../shared/ticket/draft';
import { chatHostile, hostileChatEvents, walk } from './chat-fixtures';

const allowedTypes = new Set(['header', 'section', 'context', 'rich_text', 'rich_text_section', 'rich_text_list', 'text', 'plain_text', 'actions', 'button']);
const issue = { key: 'SEC-12', url: 'https://example.atlassian.net/browse/SEC-12' };

function hostileMessage() {
  return buildSlackMessage(buildChatSummary(buildTicketDraft(hostileChatEvents()), { issue }));
}

describe('Slack message from hostile events (promise 23)', () => {
  test('holds only plain text objects and plain rich-text runs: no mrkdwn, mention, channel, link or emoji element', () => {
    const types: string[] = [];
    walk(hostileMessage().blocks, (key, child, parent) => {
      if (key === 'type' && typeof child === 'string') types.push(child);
      if (parent.type === 'plain_text' && key === 'emoji') expect(child).toBe(false);
    });
    expect(types.length).toBeGreaterThan(10);
    for (const type of types) expect(allowedTypes).toContain(type);
  });

  test('the only URL is the Jira issue built from the configured site', () => {
    const urls: unknown[] = [];
    walk(hostileMessage().blocks, (key, child) => key === 'url' && urls.push(child));
    expect(urls).toEqual([issue.url]);
  });

  test('the notification fallback (read as mrkdwn) holds only our own words and counts', () => {
    expect(hostileMessage().text).toMatch(/^Trailcase investigation summary: \d+ events?, \d+ flagged, \d+ write, \d+ failed\.$/);
  });

  test('data stays readable as characters, with URLs defanged and hidden characters made visible', () => {
    const texts: string[] = [];
    walk(hostileMessage().blocks, (key, child) => key === 'text' && typeof child === 'string' && texts.push(child));
    const all = texts.join('\n');
    expect(all).toContain('<!channel>');
    expect(all).not.toMatch(/https?:\/\/evil/);
    expect(all).toContain('https[:]//evil.test');
    // eslint-disable-next-line no-control-regex -- looking for the control characters the corpus holds
    expect(all).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
    for (const text of chatHostile.filter((value) => !value.includes('://') && !value.includes('www.'))) expect(all).toContain(text);
  });
});

describe("Slack's limits", () => {
  const long: ChatSummary = {
    title: 'T'.repeat(400),
    identity: 'alice',
    range: '2026-11-01T00:00:00Z to 2026-11-02T00:00:00Z (UTC)',
    counts: '5000 events, 10 flagged, 4000 write, 3 failed.',
    happened: Array.from({ length: 400 }, (_, i) => `Sentence ${i} ${'x'.repeat(500)}`),
    findings: [{ severity: 'high', text: 'y'.repeat(5000) }],
    nextSteps: ['Deactivate the key.'],
    issue: null,
  };

  test('a long story is cut to 50 blocks, every text within 3,000 characters and the header within 150, with a note', () => {
    const message = buildSlackMessage(long);
    expect(message.blocks.length).toBeLessThanOrEqual(slackLimits.blocks);
    const texts: string[] = [];
    walk(message.blocks, (key, child) => key === 'text' && typeof child === 'string' && texts.push(child));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(slackLimits.text);
    const header = message.blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBeLessThanOrEqual(slackLimits.header);
    expect(texts.some((text) => /more blocks? of the summary left out/.test(text))).toBe(true);
  });

  test('a short summary keeps every sentence and has no note', () => {
    const message = buildSlackMessage({ ...long, happened: ['One thing happened.'], findings: [] });
    const texts: string[] = [];
    walk(message.blocks, (key, child) => key === 'text' && typeof child === 'string' && texts.push(child));
    expect(texts).toContain('One thing happened.');
    expect(texts.some((text) => text.includes('left out'))).toBe(false);
  });
});
