import { readFile } from 'node:fs/promises';

import { protocol } from 'electron';

import { APP_SCHEME, appResponseHeaders, appSchemePrivileges, resolveAppUrl } from '../security/app-protocol';

/** Registers `app:` as a standard, secure scheme; Electron allows this only before `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...appSchemePrivileges } }]);
}

/**
 * Serves `app://trailcase/...` from the built renderer folder only, with the CSP header. A URL
 * that resolveAppUrl refuses (another host, a path leaving the folder) or a missing file gets
 * 404; only reads are answered.
 */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppUrl(rendererDir, request.url);
    if (file === null) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers: appResponseHeaders(file) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
