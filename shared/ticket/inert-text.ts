import { visibleText } from '../display/visible-text';

/**
 * Event data is written by attackers. Before it goes into a ticket it is made inert and visible
 * the way the rest of the app shows it: control, bidi and zero-width characters and lone
 * surrogates become tokens such as ⟨U+202E⟩ (so a U+202E cannot reorder what the reader sees), and
 * long values are cut.
 */

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair, ending in "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** One line of untrusted text, safe to show: invisible characters escaped, length bounded. */
export function inertText(value: string, max = 300): string {
  return truncate(visibleText(truncate(value, max * 2)), max);
}

/** Text for a single-line context (a Jira summary): whitespace runs collapsed, nothing invisible. */
export function oneLine(value: string, max = 255): string {
  return inertText(value.replace(/[\s\u2028\u2029]+/g, ' ').trim(), max);
}

/** Makes a label from any text: Jira labels cannot hold spaces; we keep a conservative set. */
export function toLabel(value: string, max = 60): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, max);
}
