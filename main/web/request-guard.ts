import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The web host's door checks. Other local users and any web page the analyst visits can reach
 * 127.0.0.1, so: the Host header must be ours (defeats DNS rebinding), an Origin must be ours
 * (a foreign page posting to localhost), a cross-site fetch is refused (Sec-Fetch-Site), and
 * every api call carries the per-start token.
 */
export interface GuardConfig {
  port: number;
  token: string;
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * The Host header, compared whole: `127.0.0.1:PORT`, or `localhost:PORT` (browsers resolve
 * localhost to loopback themselves, so no attacker's DNS answers for it). No Host is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedOrigins(port).includes(origin);
}

export function isSameSiteFetch(secFetchSite: string | string[] | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none';
}

/** The per-start token, compared whole in constant time; a prefix, an extension or '' fail. */
export function hasValidToken(presented: string | string[] | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The reason a request is refused, or null when it may pass the door. */
export function refusal(request: IncomingMessage, config: GuardConfig, needsToken: boolean): { status: number; message: string } | null {
  if (!isAllowedHost(request.headers.host, config.port)) return { status: 403, message: 'Foreign Host header.' };
  if (!isAllowedOrigin(request.headers.origin, config.port)) return { status: 403, message: 'Foreign Origin.' };
  if (!isSameSiteFetch(request.headers['sec-fetch-site'])) return { status: 403, message: 'Cross-site request.' };
  if (needsToken && !hasValidToken(request.headers['x-trailcase-token'], config.token)) return { status: 401, message: 'Missing or wrong token.' };
  return null;
}
