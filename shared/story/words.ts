import type { StoryPart } from './types';
import { inertText } from '../ticket/inert-text';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (value: number) => String(value).padStart(2, '0');

/** `30 November` (UTC). */
export function dayText(time: number): string {
  const date = new Date(time);
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]}`;
}

/** `15:13 UTC`. */
export function clockText(time: number): string {
  const date = new Date(time);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** A value part, made inert (control, bidi and invisible characters shown as tokens, length bounded). */
export const value = (text: string, max = 200): StoryPart => ({ value: inertText(text, max) });
export const text = (words: string): StoryPart => ({ text: words });

/** "a", "a and b", "a, b and c" with each name a value part. */
export function listParts(values: readonly string[], max = 4): StoryPart[] {
  const shown = values.slice(0, max);
  const parts: StoryPart[] = [];
  shown.forEach((item, index) => {
    if (index > 0) parts.push(text(index === shown.length - 1 && values.length <= max ? ' and ' : ', '));
    parts.push(value(item));
  });
  if (values.length > max) parts.push(text(` and ${values.length - max} more`));
  return parts;
}

/** Clauses joined as "A, B and C". */
export function joinClauses(clauses: readonly StoryPart[][]): StoryPart[] {
  return clauses.flatMap((clause, index) => [...(index === 0 ? [] : [text(index === clauses.length - 1 ? ' and ' : ', ')]), ...clause]);
}

/** Adjacent text parts joined, empty ones dropped: what renderers get is tidy. */
export function tidy(parts: readonly StoryPart[]): StoryPart[] {
  const out: StoryPart[] = [];
  for (const part of parts) {
    if ('value' in part ? !part.value : !part.text) continue;
    const last = out[out.length - 1];
    if (last && 'text' in last && 'text' in part) out[out.length - 1] = { text: last.text + part.text };
    else out.push(part);
  }
  return out;
}

const countries: Record<string, string> = {
  DE: 'Germany',
  US: 'the United States',
  GB: 'the United Kingdom',
  FR: 'France',
  NL: 'the Netherlands',
  RU: 'Russia',
  CN: 'China',
  KP: 'North Korea',
  IR: 'Iran',
  BR: 'Brazil',
  IN: 'India',
  SE: 'Sweden',
  CH: 'Switzerland',
  RO: 'Romania',
  UA: 'Ukraine',
  CA: 'Canada',
  JP: 'Japan',
  SG: 'Singapore',
  AU: 'Australia',
  ES: 'Spain',
  IT: 'Italy',
  PL: 'Poland',
};

/** A country's name for a code (the code itself when it is not one we name). */
export const countryName = (code: string): string => (Object.hasOwn(countries, code) ? countries[code]! : code);
