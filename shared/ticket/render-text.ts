import type { Block } from './blocks';
import type { TicketDraft } from './draft';
import { draftBlocks } from './sections';

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `${b.text.toUpperCase()}\n${'-'.repeat(b.text.length)}`;
    case 'paragraph':
      return b.spans.map((span) => span.text).join('');
    case 'bullets':
      return b.items.map((spans) => `  * ${spans.map((span) => span.text).join('')}`).join('\n');
    case 'table': {
      const all = [b.header, ...b.rows];
      const widths = b.header.map((_, i) => Math.min(40, Math.max(...all.map((row) => (row[i] ?? '').length))));
      return all
        .map((row) =>
          row
            .map((cell, i) => cell.padEnd(widths[i] ?? 0))
            .join('  ')
            .trimEnd(),
        )
        .join('\n');
    }
  }
}

/** The draft as plain text (terminals, e-mail). Values are already inert; nothing is interpreted. */
export function renderText(draft: TicketDraft): string {
  return (
    [draft.summary, `Priority: ${draft.priority}   Labels: ${draft.labels.join(' ')}`, ...draftBlocks(draft).map(block)].join('\n\n') + '\n'
  );
}
