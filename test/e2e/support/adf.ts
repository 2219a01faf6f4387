/** Nodes a description may hold: structure and text; no mention, card, link, media or extension. */
const allowedNodes = new Set(['doc', 'paragraph', 'text', 'hardBreak', 'heading', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell', 'codeBlock', 'rule']);
const allowedMarks = new Set(['strong', 'em', 'code']);

/**
 * What breaks promise 9 in an ADF document, checked independently of the code that built it:
 * a node or mark outside the allowed sets, an empty text node, or text carrying data (`fromData`)
 * with any mark at all (event data goes in unmarked text only).
 */
export function adfProblems(node: unknown, fromData: (text: string) => boolean, path = 'doc'): string[] {
  if (!node || typeof node !== 'object') return [`${path}: not an object`];
  const { type, text, marks, content } = node as { type?: unknown; text?: unknown; marks?: unknown; content?: unknown };
  const problems: string[] = [];
  if (typeof type !== 'string' || !allowedNodes.has(type)) problems.push(`${path}: node ${String(type)}`);
  if (type === 'text' && (typeof text !== 'string' || text.length === 0)) problems.push(`${path}: empty text`);
  const markTypes = Array.isArray(marks) ? marks.map((mark) => String((mark as { type?: unknown }).type)) : [];
  for (const mark of markTypes) if (!allowedMarks.has(mark)) problems.push(`${path}: mark ${mark}`);
  if (typeof text === 'string' && fromData(text) && markTypes.length > 0) problems.push(`${path}: data text with marks ${markTypes.join(',')}`);
  if (Array.isArray(content)) content.forEach((child, i) => problems.push(...adfProblems(child, fromData, `${path}.${i}`)));
  return problems;
}
