/**
 * Makes untrusted text safe to look at: characters that are invisible or that reorder what is
 * shown (control characters, bidi overrides and isolates, zero-width characters, lone
 * surrogates) become visible tokens such as ⟨U+202E⟩, so `gpj.exe` cannot pose as `exe.jpg` and a
 * NUL or ANSI escape cannot hide text. The result is still plain text, rendered as text.
 */
const hidden =
  // eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const hiddenWithLines =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hiddenInTerminal =
  // eslint-disable-next-line no-control-regex -- as above; a carriage return stays only as part of CRLF
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function token(char: string): string {
  return `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * The text with hidden characters made visible. With `keepLineBreaks`, line feeds and tabs stay
 * as they are (multi-line views); otherwise they are shown too (one-line cells).
 */
export function visibleText(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(options.keepLineBreaks ? hidden : hiddenWithLines, token);
}

/**
 * Text fit for a terminal (promise 21): line feeds, tabs and CRLF line ends stay; every other
 * control character (C0, DEL, C1: so no escape sequence, OSC 52 clipboard write or OSC 8 link
 * reaches the terminal), lone carriage return, bidi and zero-width character becomes a marker.
 */
export function terminalText(text: string): string {
  return text.replace(hiddenInTerminal, token);
}

/** Says whether the text holds any character that visibleText would replace. */
export function hasHiddenCharacters(text: string): boolean {
  hiddenWithLines.lastIndex = 0;
  const found = hiddenWithLines.test(text);
  hiddenWithLines.lastIndex = 0;
  return found;
}
