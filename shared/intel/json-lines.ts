/**
 * Line numbers in a JSON text, so that a refusal can name the line that failed (PROMISES 22)
 * although JSON.parse reports neither lines nor the place of a value that parses but is wrong.
 */

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of JSON.parse's error, read from its message (`… at position 123` or `(line 4 column 2)`). */
export function lineOfJsonError(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : null;
}

/**
 * The line of element `index` of the top-level array `key` (of its `field` when given and
 * present): the text is scanned with string and nesting state, so a key name inside a string
 * value is not mistaken for the key.
 */
export function lineOfArrayElement(text: string, key: string, index: number, field?: string): number | null {
  const start = offsetOfArrayElement(text, key, index);
  if (start === null) return null;
  if (field !== undefined) {
    const end = offsetOfArrayElement(text, key, index + 1) ?? text.length;
    const at = text.indexOf(`"${field}"`, start);
    if (at >= 0 && at < end) return lineAt(text, at);
  }
  return lineAt(text, start);
}

function offsetOfArrayElement(text: string, key: string, index: number): number | null {
  let depth = 0;
  let keyFound = false;
  let arrayDepth = -1;
  let element = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c) || c === ':' || c === ',') continue;
    const startsElement = arrayDepth > 0 && depth === arrayDepth && c !== ']';
    if (startsElement && ++element === index) return i;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      keyFound = depth === 1 && arrayDepth < 0 && text.slice(start + 1, i) === key;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (c === '[' && keyFound && depth === 2) arrayDepth = 2;
    } else if (c === ']' || c === '}') {
      depth--;
      if (arrayDepth > 0 && depth < arrayDepth) return null;
    } else if (startsElement) {
      while (i + 1 < text.length && !/[\s,\]]/.test(text[i + 1]!)) i++;
    }
    keyFound = false;
  }
  return null;
}
