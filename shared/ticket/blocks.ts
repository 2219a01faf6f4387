/**
 * The draft as a small document model that every renderer (ADF, Markdown, plain text, the
 * preview) walks. `label` spans are our own words and may be emphasised; `data` spans come from
 * events and are only ever rendered as unmarked text; `prose` is the analyst's own text.
 */
export type Span = { kind: 'label' | 'data' | 'prose'; text: string };

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'bullets'; items: Span[][] }
  | { type: 'table'; header: string[]; rows: string[][] };

/** A static span. */
export const label = (text: string): Span => ({ kind: 'label', text });
/** A span of event data. */
export const data = (text: string): Span => ({ kind: 'data', text });
/** Our own connecting words (unemphasised static text). */
export const words = (text: string): Span => ({ kind: 'prose', text });

/** Drops empty spans: an ADF text node must never be empty. */
export function nonEmpty(spans: Span[]): Span[] {
  return spans.filter((span) => span.text.length > 0);
}
