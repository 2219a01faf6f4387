import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Reads a file of the built renderer for a URL path. The path is resolved inside the root and
 * anything that would leave it (`..`, encoded separators) is refused; unknown paths get the
 * index page, since the app is one page.
 */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const type = contentTypes[extname(full)];
  try {
    if (type) return { body: await readFile(full), type };
  } catch {
    // fall through to the index page for app routes
  }
  if (extname(relative) !== '') return null;
  return { body: await readFile(join(root, 'index.html')), type: contentTypes['.html']! };
}
