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
  if (!guarded.has(stream)) {
    guarded.add(stream);
    // Without a listener, an EPIPE is an uncaught 'error' event and a stack trace.
    stream.on('error', () => {});
  }
  return new Promise((resolve, reject) => {
    stream.write(terminalText(text), (error) => (error && !isClosedPipe(error) ? reject(error) : resolve()));
  });
}

/** Writes a command's output to stdout; resolves when it is handed to the system. */
export function printOut(text: string): Promise<void> {
  return writeTo(process.stdout, text);
}

/** Writes a value as indented JSON to stdout, hidden characters as `\uXXXX` escapes (same values). */
export function printJson(value: unknown): Promise<void> {
  return printOut(`${escapeHiddenInJson(JSON.stringify(value, null, 2))}\n`);
}

/** Writes progress, warnings and errors to stderr. */
export function printErr(text: string): void {
  void writeTo(process.stderr, text).catch(() => {});
}
