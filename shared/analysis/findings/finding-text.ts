import { inertText } from '../../ticket/inert-text';

/**
 * Summaries are our words around a few values. A value from a record (a user name, an event
 * name) or from a data set the analyst imported (an AS organisation) is untrusted: it goes in
 * only when it looks like what AWS would write there, made inert and short, else it is
 * described, never copied; and it stays marked as a value, so a report can set it apart (a
 * Markdown code span) where it could otherwise become a link or a mention.
 */
export type SummaryPart = { text: string } | { value: string };

/** Our words (strings, numbers) and marked values, nested as they are written. */
export type Piece = string | number | { value: string } | readonly Piece[];

/** Our words with pieces in between: `` says`${count(3, 'call')} by ${name(user)}` ``. */
export function says(strings: TemplateStringsArray, ...pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  strings.forEach((text, i) => {
    if (text) out.push(text);
    if (i < pieces.length) out.push(pieces[i]!);
  });
  return out;
}

/** Flattens pieces into parts, adjacent words merged. */
export function partsOf(pieces: readonly Piece[]): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const add = (piece: Piece) => {
    if (Array.isArray(piece)) return (piece as readonly Piece[]).forEach(add);
    if (typeof piece === 'object') return void parts.push({ value: (piece as { value: string }).value });
    const text = String(piece);
    const last = parts.at(-1);
    if (last && 'text' in last) last.text += text;
    else if (text) parts.push({ text });
  };
  pieces.forEach(add);
  return parts;
}

/** The parts as one plain line. */
export function plainOf(parts: readonly SummaryPart[]): string {
  return parts.map((part) => ('text' in part ? part.text : part.value)).join('');
}

const nameLike = /^[\w+=,.@/-]{1,128}$/;

/** A name from a record (user, event, role session), as a value, or a description when it is unusual. */
export function name(value: string): Piece {
  if (!value) return '(not recorded)';
  return nameLike.test(value) ? { value } : '(a value with unusual characters)';
}

/** Free text from a data set (an AS organisation), one line, inert and short, as a value. */
export function dataText(value: string, max = 60): Piece {
  return { value: inertText(value.replace(/[\s\u2028\u2029]+/g, ' ').trim(), max) };
}

/** An address: an IPv4 or IPv6 address as written (no markup can form of those characters), anything else described. */
export function address(value: string): string {
  return /^[0-9A-Fa-f.:]{2,45}$/.test(value) ? value : '(an address with unusual characters)';
}

/** A country code (ISO 3166-1 alpha-2 as data sets write it), anything else described. */
export function country(value: string | null): string {
  if (value === null) return 'an unknown country';
  return /^[A-Z]{2}$/.test(value) ? value : '(a country code with unusual characters)';
}

/** "1 event", "3 events". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}

/** "a", "a and b", "a, b and 3 more". */
export function listOf(items: readonly Piece[], max = 4): Piece[] {
  if (items.length <= 1) return items.slice();
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  const out: Piece[] = [];
  shown.forEach((item, i) => {
    if (i > 0) out.push(rest === 0 && i === shown.length - 1 ? ' and ' : ', ');
    out.push(item);
  });
  if (rest > 0) out.push(` and ${rest} more`);
  return out;
}

/** Distinct pieces by what they read as. */
export function distinct(items: readonly Piece[]): Piece[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = plainOf(partsOf([item]));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A duration in words: "40 seconds", "12 minutes", "3.5 hours". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 90) return count(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return count(minutes, 'minute');
  return `${(minutes / 60).toFixed(1)} hours`;
}
