/**
 * Characters JSON.stringify leaves raw but a terminal or viewer acts on: C1 controls and DEL
 * (U+0080–U+009F includes the 8-bit CSI and OSC), line and paragraph separators, bidi overrides
 * and isolates, zero-width characters, lone surrogates. C0 controls are matched too, for text
 * that did not come from JSON.stringify (raw records as AWS sent them).
 */
const hiddenInJson =
  // eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(char: string): string {
  // A raw carriage return in valid JSON can only be whitespace between tokens: a space means the same.
  if (char === '\r') return ' ';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Valid JSON text with every such character written as a `\uXXXX` escape (promise 21). In valid
 * JSON these characters can only stand inside strings, where the escape means the same
 * character: the text stays valid and parses to the same values, yet shows no raw control
 * character when printed or viewed. Line feeds and tabs (whitespace between tokens) stay.
 */
export function escapeHiddenInJson(json: string): string {
  return json.replace(hiddenInJson, escape);
}
