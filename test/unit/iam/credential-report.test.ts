import { describe, expect, test } from 'vitest';

import { daysSince, inactiveUsers, parseCredentialReport } from '../../../shared/iam/credential-report';

const header =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const root = '<root_account>,arn:aws:iam::111122223333:root,2023-03-01T10:00:00+00:00,not_supported,2026-11-28T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const keysOnly = 'ci,arn:aws:iam::111122223333:user/ci,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2024-01-02T00:00:00+00:00,2026-06-01T00:00:00+00:00,eu-west-1,s3,false,2024-02-01T00:00:00+00:00,2026-11-01T00:00:00+00:00,us-east-1,sts,false,N/A,false,N/A';
const neverUsed = 'old,arn:aws:iam::111122223333:user/old,2024-01-01T00:00:00+00:00,true,no_information,2024-01-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const now = Date.parse('2026-12-01T00:00:00Z');

describe('the credential report', () => {
  test("root's row keeps not_supported; a user's words N/A and no_information stay as IAM wrote them", () => {
    const [rootRow, , old] = parseCredentialReport([header, root, keysOnly, neverUsed].join('\n'));
    expect(rootRow).toMatchObject({ user: '<root_account>', root: true, passwordEnabled: 'not_supported', mfaActive: true, keys: [], lastActivity: '2026-11-28T10:00:00+00:00' });
    expect(old).toMatchObject({ passwordEnabled: 'true', passwordLastUsed: 'no_information', keys: [], lastActivity: null });
  });

  test('each key slot holding a key, and the last activity across the password and both keys', () => {
    const ci = parseCredentialReport([header, keysOnly].join('\n'))[0]!;
    expect(ci.keys.map((key) => [key.slot, key.active, key.lastUsedService])).toEqual([[1, true, 's3'], [2, false, 'sts']]);
    expect(ci.lastActivity).toBe('2026-11-01T00:00:00+00:00');
  });

  test('inactive: last activity older than the days, or never used and older; root counts too', () => {
    const users = parseCredentialReport([header, root, keysOnly, neverUsed].join('\n'));
    expect(inactiveUsers(users, 20, now).map((user) => user.user)).toEqual(['ci', 'old']);
    expect(inactiveUsers(users, 60, now).map((user) => user.user)).toEqual(['old']);
    expect(daysSince('2026-11-01T00:00:00+00:00', now)).toBe(30);
    expect(daysSince('N/A', now)).toBeNull();
  });

  test('columns are found by name (a column AWS adds does not shift the others) and quoted cells are read', () => {
    const moved = parseCredentialReport(['arn,extra,user,user_creation_time,mfa_active', 'arn:aws:iam::1:user/x,"a,b",x,2024-01-01T00:00:00+00:00,true'].join('\r\n'));
    expect(moved[0]).toMatchObject({ user: 'x', arn: 'arn:aws:iam::1:user/x', mfaActive: true, passwordLastUsed: 'N/A' });
  });
});
