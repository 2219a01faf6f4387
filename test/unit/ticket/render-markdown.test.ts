import { describe, expect, it } from 'vitest';

import { buildTicketDraft } from '../../../shared/ticket/draft';
import { codeSpan, renderMarkdown } from '../../../shared/ticket/render-markdown';
import { renderText } from '../../../shared/ticket/render-text';
import { eventsOf, hostileStrings, noFlags, recordOf } from './ticket-fixtures';

describe('the Markdown and plain-text renderings', () => {
  it('puts event data in code spans so that nothing becomes a link or HTML', () => {
    const markdown = renderMarkdown(buildTicketDraft(eventsOf([recordOf({ userAgent: '[click](https://evil.test)' })]), {}, noFlags));
    expect(markdown).toContain('`[click](https://evil.test)`');
  });

  it('fences code spans longer than any backtick run and escapes pipes in tables', () => {
    expect(codeSpan('a ``b`` c')).toBe('```a ``b`` c```');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a|b', true)).toBe('`a\\|b`');
  });

  it('keeps the event table one row per event whatever the data', () => {
    const records = hostileStrings.map((hostile) => recordOf({ eventName: hostile }));
    const markdown = renderMarkdown(buildTicketDraft(eventsOf(records), {}, noFlags));
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(tableLines).toHaveLength(hostileStrings.length + 2);
    for (const line of tableLines) expect(line.split(/(?<!\\)\|/).length).toBe(9);
  });

  it('renders plain text with the summary first', () => {
    const draft = buildTicketDraft(eventsOf([recordOf()]), { analystText: 'note' }, noFlags);
    const text = renderText(draft);
    expect(text.startsWith(`${draft.summary}\n`)).toBe(true);
    expect(text).toContain('ANALYST NOTES');
    expect(text).toContain('203.0.113.7 (1)');
  });
});
