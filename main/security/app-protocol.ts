import { extname, isAbsolute, relative, resolve } from 'node:path';

import { contentSecurityPolicy } from './csp';

/**
 * The desktop window's page is served from `app://trailcase/`, not `file://`: a `file://` page
 * is one origin with every local file (with the file-protocol fuse on, it can read
 * `~/.aws/credentials`), while this origin holds only the built renderer folder.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'trailcase';
export const APP_ORIGIN = 'app://trailcase';
export const APP_PAGE_URL = 'app://trailcase/index.html';

/**
 * What the scheme may do: `standard` gives it a real origin (so `'self'` and relative URLs
 * mean this folder), `secure` a secure context, fetch and the V8 code cache. It does not bypass
 * the CSP, is not CORS-enabled for other origins and gets no service workers.
 */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/**
 * The file an `app://trailcase/...` URL names inside `root` (the built renderer folder), or null
 * for another scheme or host, credentials or a port, a path that would leave `root` (`..`, also
 * percent-encoded), a backslash or NUL. `/` is the page itself.
 */
export function resolveAppUrl(root: string, candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path === '' || path === '/') path = '/index.html';
  if (path.includes('\\') || path.includes('\0') || path.split('/').includes('..')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Whether a frame shows our page (the main frame's URL, query and fragment aside). */
export function isAppPageUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.pathname === '/index.html';
  } catch {
    return false;
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The headers of every file served: its type (never sniffed), and the full CSP as a header,
 * which also carries `frame-ancestors` (a `<meta>` policy cannot).
 */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
