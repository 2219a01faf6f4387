import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { listProfiles } from '../../../main/services/aws/profiles';
import { ssoStateOf } from '../../../main/services/aws/sso-state';

const now = Date.parse('2026-12-01T12:00:00Z');

function homeWith(tokens: Record<string, object>): string {
  const home = mkdtempSync(join(tmpdir(), 'trailcase-sso-'));
  const cache = join(home, '.aws', 'sso', 'cache');
  mkdirSync(cache, { recursive: true });
  for (const [id, token] of Object.entries(tokens)) {
    writeFileSync(join(cache, `${createHash('sha1').update(id).digest('hex')}.json`), JSON.stringify(token));
  }
  return home;
}

describe('ssoStateOf', () => {
  it('is valid while the cached access token lasts', async () => {
    const home = homeWith({ corp: { accessToken: 'x', expiresAt: '2026-12-01T13:00:00Z' } });
    expect(await ssoStateOf('corp', true, home, now)).toBe('valid');
  });

  it('is refreshable when an sso_session token expired but holds a refresh token', async () => {
    const home = homeWith({ corp: { accessToken: 'x', expiresAt: '2026-12-01T11:00:00Z', refreshToken: 'r' } });
    expect(await ssoStateOf('corp', true, home, now)).toBe('refreshable');
  });

  it('is expired for a legacy profile past its expiry, refresh token or not', async () => {
    const url = 'https://legacy.awsapps.com/start';
    const home = homeWith({ [url]: { accessToken: 'x', expiresAt: '2026-12-01T11:00:00Z', refreshToken: 'r' } });
    expect(await ssoStateOf(url, false, home, now)).toBe('expired');
  });

  it('is none when no login was cached, or the cache file is damaged', async () => {
    expect(await ssoStateOf('corp', true, homeWith({}), now)).toBe('none');
    const home = homeWith({});
    writeFileSync(join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`), '{not json');
    expect(await ssoStateOf('corp', true, home, now)).toBe('none');
  });

  it('is reported by listProfiles for SSO profiles only, without any token', async () => {
    const home = homeWith({ corp: { accessToken: 'SECRET-ACCESS-TOKEN', expiresAt: '2099-01-01T00:00:00Z' } });
    writeFileSync(join(home, 'config'), '[profile dev-sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n\n[profile keys]\nregion = us-east-1\n');
    writeFileSync(join(home, 'credentials'), '[keys]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n');
    const list = await listProfiles({ HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials') });
    const byName = Object.fromEntries(list.profiles.map((p) => [p.name, p]));
    expect(byName['dev-sso']!.ssoState).toBe('valid');
    expect(byName.keys!.ssoState).toBeNull();
    expect(JSON.stringify(list)).not.toContain('SECRET-ACCESS-TOKEN');
  });
});
