import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { SsoState } from '../../../shared/api/app-contract';

/**
 * Whether an SSO profile can sign in now, read from the token cache the AWS CLI and SDK share
 * (`~/.aws/sso/cache/<sha1 of the session name or start URL>.json`): `valid` while the access
 * token lasts, `refreshable` when it expired but an `sso_session` token can renew it, `expired`
 * when the analyst must run `aws sso login`, `none` when no login was ever cached. Only the
 * expiry and whether a refresh token exists are read; no token leaves this function.
 */
export async function ssoStateOf(
  id: string,
  usesSession: boolean,
  home: string,
  now: number = Date.now(),
): Promise<SsoState> {
  const file = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(id).digest('hex')}.json`);
  let token: { expiresAt?: unknown; refreshToken?: unknown };
  try {
    token = JSON.parse(await readFile(file, 'utf8')) as typeof token;
  } catch {
    return 'none';
  }
  const expiresAt = typeof token.expiresAt === 'string' ? Date.parse(token.expiresAt) : Number.NaN;
  if (expiresAt > now) return 'valid';
  return usesSession && typeof token.refreshToken === 'string' && token.refreshToken !== '' ? 'refreshable' : 'expired';
}
