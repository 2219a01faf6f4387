/**
 * Finds each element of a records file's `"Records"` list as the text it was written in, with a
 * loop and a counter, never recursion: a record nested 5,000 levels deep costs no stack, and the
 * text kept is the text the file holds (every digit of every number; attachments and exports
 * write it again as it is, with no recursive JSON.stringify).
 */

const quote = 0x22;
const backslash = 0x5c;

/** The index just after the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const at = text.indexOf('"', from);
    if (at < 0) throw new SyntaxError('unterminated string');
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === backslash) backslashes += 1;
    if (backslashes % 2 === 0) return at + 1;
    from = at + 1;
  }
}

/** The index just after the JSON value that starts at `start`. */
function endOfValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === quote) return endOfString(text, start);
  if (first !== 0x7b && first !== 0x5b) {
    const scalar = /[^,}\]\s]*/y;
    scalar.lastIndex = start;
    scalar.exec(text);
    return scalar.lastIndex;
  }
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === quote) at = endOfString(text, at) - 1;
    else if (char === 0x7b || char === 0x5b) depth += 1;
    else if ((char === 0x7d || char === 0x5d) && --depth === 0) return at + 1;
  }
  throw new SyntaxError('unterminated value');
}

/** The index of the first character at or after `at` that is not JSON whitespace. */
function skipSpace(text: string, at: number): number {
  for (;;) {
    const char = text.charCodeAt(at);
    if (char !== 0x20 && char !== 0x0a && char !== 0x0d && char !== 0x09) return at;
    at += 1;
  }
}

/** The elements of the array that opens at `start`, each as its text. */
function elementTexts(text: string, start: number): string[] {
  const texts: string[] = [];
  let at = skipSpace(text, start + 1);
  while (text[at] !== ']') {
    const end = endOfValue(text, at);
    texts.push(text.slice(at, end));
    at = skipSpace(text, end);
    if (text[at] === ',') at = skipSpace(text, at + 1);
  }
  return texts;
}

/**
 * The text of each element of the top-level `"Records"` array of a file that JSON.parse has
 * already accepted (so the text is valid JSON). Like JSON.parse, the last `"Records"` key counts,
 * however its name is escaped. Null when the top level is not an object with such an array.
 */
export function recordTexts(json: string): string[] | null {
  let at = skipSpace(json, 0);
  if (json[at] !== '{') return null;
  let records: number | null = null;
  at = skipSpace(json, at + 1);
  while (json[at] === '"') {
    const keyEnd = endOfString(json, at);
    const key = JSON.parse(json.slice(at, keyEnd)) as string;
    at = skipSpace(json, skipSpace(json, keyEnd) + 1);
    const valueEnd = endOfValue(json, at);
    if (key === 'Records') records = json[at] === '[' ? at : null;
    at = skipSpace(json, valueEnd);
    if (json[at] === ',') at = skipSpace(json, at + 1);
  }
  return records === null ? null : elementTexts(json, records);
}
