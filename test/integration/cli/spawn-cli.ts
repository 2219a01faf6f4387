import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(__dirname, '../../..');
const tsx = pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI from source (through tsx) in a child process with only the environment given,
 * from any working folder. `stdout` may be an open file descriptor (a log the shell opened). A
 * child still running after `timeoutMs` is killed, so no test leaves one behind.
 */
export function spawnCli(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    stdout?: number;
    timeoutMs?: number;
    /** Called with each piece of stdout; `close` ends the reading side, as `| head` does. */
    onStdout?: (text: string, close: () => void) => void;
  } = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', tsx, resolve(root, 'main/cli/main.ts'), ...args], {
    env: { PATH: process.env.PATH, HOME: '/nonexistent', ...options.env },
    cwd: options.cwd ?? root,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    options.onStdout?.(text, () => child.stdout?.destroy());
  });
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Raw C0 controls but line feed and tab, DEL and C1 controls: what promise 21 keeps off a terminal. */
// eslint-disable-next-line no-control-regex -- the assertion looks for raw control characters
export const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The raw control characters in a text, as code points (empty when the text is inert). */
export function rawControlsIn(text: string, options: { crlf?: boolean } = {}): string[] {
  const checked = options.crlf ? text.replace(/\r\n/g, '\n') : text;
  return [...checked].filter((char) => rawControl.test(char)).map((char) => `U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
