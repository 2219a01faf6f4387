import type { TicketDraft } from './draft';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';

/** The two forms a draft leaves Trailcase in without Jira. */
export type DraftFormat = 'markdown' | 'text';

/**
 * The draft as a file: its content, a name and a type. The name is built from a time only, never
 * from event data or the summary, so it cannot carry a path or odd characters:
 * `trailcase-ticket-20261101T100405Z.md`.
 */
export function draftFile(draft: TicketDraft, format: DraftFormat, at: Date): { name: string; type: string; content: string } {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return format === 'markdown'
    ? { name: `trailcase-ticket-${stamp}.md`, type: 'text/markdown;charset=utf-8', content: renderMarkdown(draft) }
    : { name: `trailcase-ticket-${stamp}.txt`, type: 'text/plain;charset=utf-8', content: renderText(draft) };
}
