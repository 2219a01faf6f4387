import type { DocNode } from '@atlaskit/adf-schema/doc';
import { validator } from '@atlaskit/adf-utils/validator';

import { buildAdf } from './adf-build';
import { quietAtlaskitFlags } from './atlaskit-flags';
import type { TicketDraft } from './draft';

/** The only nodes a Trailcase description may hold: no mention, card, link, media or extension. */
export const allowedAdfNodes = new Set([
  'doc',
  'paragraph',
  'text',
  'hardBreak',
  'heading',
  'bulletList',
  'listItem',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
]);

/** Builds the description (see `buildAdf`) and refuses to return one that breaks the rules. */
export function renderAdf(draft: TicketDraft): DocNode {
  const { document } = buildAdf(draft);
  const problems = checkAdf(document);
  if (problems.length) throw new Error(`The generated description is not valid ADF: ${problems.slice(0, 3).join('; ')}`);
  return document;
}

let validate: ReturnType<typeof validator> | null = null;

function getValidator(): ReturnType<typeof validator> {
  quietAtlaskitFlags();
  validate ??= validator();
  return validate;
}

/**
 * Every rule a description must keep (promise 9): valid against Atlassian's schema, only
 * allowed nodes, no empty text, and no mark but `strong` (so nothing from data becomes a link).
 */
export function checkAdf(document: unknown): string[] {
  const problems: string[] = [];
  try {
    getValidator()(document as DocNode, (_entity, error) => {
      problems.push(`schema: ${error.message}`);
      return undefined;
    });
  } catch (error) {
    problems.push(`schema: ${error instanceof Error ? error.message : String(error)}`);
  }
  walk(document, problems);
  return problems;
}

function walk(node: unknown, problems: string[]): void {
  if (!node || typeof node !== 'object') return void problems.push('a node is not an object');
  const { type, text: value, marks, content } = node as { type?: unknown; text?: unknown; marks?: unknown; content?: unknown };
  if (typeof type !== 'string' || !allowedAdfNodes.has(type)) problems.push(`node type ${String(type)} is not allowed`);
  if (type === 'text' && (typeof value !== 'string' || value.length === 0)) problems.push('empty text node');
  if (Array.isArray(marks))
    for (const mark of marks)
      if ((mark as { type?: unknown })?.type !== 'strong')
        problems.push(`mark ${String((mark as { type?: unknown })?.type)} is not allowed`);
  if (Array.isArray(content)) for (const child of content) walk(child, problems);
}
