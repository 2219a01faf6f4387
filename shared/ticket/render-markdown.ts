import type { Block, Span } from './blocks';
import type { TicketDraft } from './draft';
import { draftBlocks } from './sections';

/**
 * Event data goes into code spans: nothing inside one becomes a link, an image, HTML or a
 * mention, whatever a chat or tracker does with Markdown. The fence is longer than any run of
 * backticks in the value, and pipes are escaped so table cells stay cells.
 */
export function codeSpan(value: string, inTable = false): string {
  if (!value) return '';
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value;
  const body = inTable ? padded.replace(/\|/g, '\\|') : padded;
  return `${fence}${body}${fence}`;
}

/** Our own words, with the Markdown characters that could change their meaning escaped. */
export function escapeMarkdown(value: string): string {
  return value.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/^([#+-]|\d+\.)/gm, '\\$1');
}

function span(s: Span): string {
  if (s.kind === 'label') return `**${escapeMarkdown(s.text.trim())}**${s.text.endsWith(' ') ? ' ' : ''}`;
  if (s.kind === 'data') return codeSpan(s.text);
  return escapeMarkdown(s.text).replace(/\r?\n/g, '  \n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return b.spans.map(span).join('');
    case 'bullets':
      return b.items.map((spans) => `- ${spans.map(span).join('')}`).join('\n');
    case 'table': {
      const row = (cells: string[], asData: boolean) =>
        `| ${cells.map((cell) => (asData ? codeSpan(cell, true) : escapeMarkdown(cell))).join(' | ')} |`;
      return [row(b.header, false), `|${b.header.map(() => ' --- ').join('|')}|`, ...b.rows.map((cells) => row(cells, true))].join('\n');
    }
  }
}

/** The draft as Markdown, to paste into chat or an issue tracker. */
export function renderMarkdown(draft: TicketDraft): string {
  return (
    [
      `## ${codeSpan(draft.summary)}`,
      `**Priority:** ${escapeMarkdown(draft.priority)} · **Labels:** ${draft.labels.map((l) => codeSpan(l)).join(' ')}`,
      ...draftBlocks(draft).map(block),
    ].join('\n\n') + '\n'
  );
}
