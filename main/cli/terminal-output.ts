import { escapeHiddenInJson } from '../../shared/display/json-escapes';
import { terminalText } from '../../shared/display/visible-text';

/**
 * The one way the CLI writes text to stdout and stderr (promise 21). Event data, AWS's and
 * Jira's messages, profile names and issue keys all pass through `terminalText`: a C0 or C1
 * control character (ESC, BEL, the 8-bit CSI and OSC) becomes a visible marker such as
 * ⟨U+001B⟩, so no text from data or a service can move the cursor, retitle the window, write the
 * clipboard (OSC 52) or plant a link (OSC 8). Line feeds, tabs and CRLF line ends stay. JSON
 * and CSV outputs are made inert before they get here (escapes, markers), so this changes
 * nothing in them; it is the net under every other line.
 */

/** The reader went away (`trailcase fetch | head`): nothing more to write, and no crash. */
function isClosedPipe(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

const guarded = new WeakSet<NodeJS.WriteStream>();

function writeTo(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return writeInert(stream, terminalText(text));
}

/** Writes text already made inert (escaped JSON): scanning 40 MB again would change nothing. */
function writeInert(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    // Without a listener, an EPIPE is an uncaught 'error' event and a stack trace.
    stream.on('error', () => {});
  }
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error && !isClosedPipe(error) ? reject(error) : resolve()));
  });
}

/** Writes a command's output to stdout; resolves when it is handed to the system. */
export function printOut(text: string): Promise<void> {
  return writeTo(process.stdout, text);
}

/**
 * A value as JSON text (indented, or on one line for large outputs), hidden characters as
 * `\uXXXX` escapes (same values): JSON.stringify escapes C0 controls and escapeHiddenInJson the
 * rest (DEL, C1, bidi, zero-width, separators), so the text needs no terminal scan after.
 */
export function inertJson(value: unknown, layout: 'indented' | 'one-line' = 'indented'): string {
  return `${escapeHiddenInJson(layout === 'indented' ? JSON.stringify(value, null, 2) : JSON.stringify(value))}\n`;
}

/** Writes a value as JSON to stdout (see inertJson). */
export function printJson(value: unknown, layout: 'indented' | 'one-line' = 'indented'): Promise<void> {
  return writeInert(process.stdout, inertJson(value, layout));
}

/** Writes progress, warnings and errors to stderr. */
export function printErr(text: string): void {
  void writeTo(process.stderr, text).catch(() => {});
}
