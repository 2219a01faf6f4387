import type { DocNode } from '@atlaskit/adf-schema/doc';
import {
  bulletList,
  doc,
  hardBreak,
  heading,
  listItem,
  paragraph,
  strong,
  table,
  tableCell,
  tableHeader,
  tableRow,
  text,
} from '@atlaskit/adf-utils/builders';

import type { Block, Span } from './blocks';
import type { TicketDraft } from './draft';
import { draftBlocks, shrinkingLimits } from './sections';
import type { SectionLimits } from './sections';

type Inline = ReturnType<typeof text> | ReturnType<typeof hardBreak> | ReturnType<typeof strong>;

function inline(span: Span): Inline[] {
  if (span.kind === 'label') return [strong(span.text)];
  if (span.kind === 'data') return [text(span.text)];
  // The analyst's own lines keep their breaks; empty lines would be empty text nodes.
  return span.text.split(/\r?\n/).flatMap((line, i) => [...(i > 0 ? [hardBreak()] : []), ...(line ? [text(line)] : [])]);
}

function para(spans: Span[]) {
  return paragraph(...spans.filter((span) => span.text).flatMap(inline));
}

function cellParagraph(value: string) {
  return value ? paragraph(text(value)) : paragraph();
}

function block(b: Block) {
  switch (b.type) {
    case 'heading':
      return heading({ level: 3 })(text(b.text));
    case 'paragraph':
      return para(b.spans);
    case 'bullets':
      return bulletList(...b.items.map((spans) => listItem([para(spans)])));
    case 'table':
      return table(
        tableRow(b.header.map((name) => tableHeader()(cellParagraph(name)))),
        ...b.rows.map((cells) => tableRow(cells.map((cell) => tableCell()(cellParagraph(cell))))),
      );
  }
}

/** Jira's limit on a description, in characters of its stored form. */
export const maxDescriptionLength = 32_767;

/**
 * Builds the description as an ADF tree with Atlassian's builders. Lists and the table shrink,
 * level by level, until the document fits Jira's limit; `limits` says which level was used, so
 * the preview can show the same.
 */
export function buildAdf(draft: TicketDraft): { document: DocNode; limits: SectionLimits } {
  let built = { document: doc(), limits: shrinkingLimits[0]! };
  for (const limits of shrinkingLimits) {
    built = { document: doc(...draftBlocks(draft, limits).map(block)), limits };
    if (JSON.stringify(built.document).length <= maxDescriptionLength) break;
  }
  return built;
}
