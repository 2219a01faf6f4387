import type { Block, Span } from './blocks';
import type { TicketDraft } from './draft';
import { draftBlocks, shrinkingLimits } from './sections';

/**
 * Jira Data Center descriptions are wiki markup, where text can become a mention (`[~user]`), a
 * link (`[text|url]`, or a bare URL), a macro (`{noformat}`, `{code}`, `{color}`, `{html}`),
 * emphasis, an image, a table cell, a list or a heading (promise 23). Every character of event
 * data that Jira's renderer treats as markup is escaped with a backslash: these are exactly the
 * characters its BackslashEscapeRendererComponent unescapes. A backslash of the data is written
 * as U+29F5 (⧵): Jira reads `\\` as a line break and has no escape for the backslash itself.
 * URL schemes are defanged (`https[:]//`), since Jira links bare URLs. A block start that has no
 * escape (`h1.`, `bq.`), which Jira reads at the start of a line, a list item or a table cell, gets
 * a zero-width space before its dot. Inside a table cell a pipe is written as U+2223 (∣): Jira
 * splits cells on every pipe, escaped or not.
 */
const escapable = /[-#*_+?^~|%{}[\]()!@]/g;

/** Event data as wiki text that renders as exactly its characters (one line). */
export function wikiText(value: string): string {
  return value
    .replace(/\\/g, '\u29f5')
    .replace(/\b(mailto|news|nntp|file|irc|s?ftp|https?):(?!\/\/)/gi, '$1[:]')
    .replace(/:\/\//g, '[:]//')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}[.]`)
    .replace(escapable, '\\$&')
    .replace(/\b(h[1-6]|bq)\./gi, '$1\u200b.')
    .replace(/[\r\n]+/g, ' ');
}

/** Event data in a table cell. */
export function wikiCell(value: string): string {
  const text = wikiText(value.replace(/\|/g, '\u2223'));
  return text === '' ? '\u00a0' : text;
}

/** The analyst's own text: escaped like data, line breaks kept. */
export function wikiProse(value: string): string {
  return value
    .split(/\r?\n/)
    .map(wikiText)
    .join('\n');
}

function span(s: Span): string {
  if (s.kind === 'label') return `*${wikiText(s.text.trim())}*${s.text.endsWith(' ') ? ' ' : ''}`;
  if (s.kind === 'data') return wikiText(s.text);
  return wikiProse(s.text);
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `h3. ${wikiText(b.text)}`;
    case 'paragraph':
      return b.spans.map(span).join('');
    case 'bullets':
      return b.items.map((spans) => `* ${spans.map(span).join('').replace(/\n/g, ' ')}`).join('\n');
    case 'table':
      return [`||${b.header.map(wikiCell).join('||')}||`, ...b.rows.map((row) => `|${row.map(wikiCell).join('|')}|`)].join('\n');
  }
}

/** Jira refuses a description over 32,767 characters. */
export const wikiMaxChars = 32_767;

/**
 * The draft as a Data Center description (REST v2): the same sections as the Cloud ADF, shrunk
 * level by level until it fits, as renderAdf does.
 */
export function renderWiki(draft: TicketDraft): string {
  let text = '';
  for (const limits of shrinkingLimits) {
    text = draftBlocks(draft, limits).map(block).join('\n\n') + '\n';
    if (text.length <= wikiMaxChars) return text;
  }
  return `${text.slice(0, wikiMaxChars - 80)}\n\nThe description was cut at Jira's limit; every event is in the attached file.\n`;
}
