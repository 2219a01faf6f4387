import { describe, expect, it } from 'vitest';

import { analyze, findingOf, kinds, signIn } from '../analysis-fixtures';

const sprayer = '81.2.69.160';

describe('password-spraying finding', () => {
  it('names failures for several users from one address within an hour', () => {
    const records = ['alice', 'bob', 'carol', 'dave'].map((user, i) => signIn(i * 2, 'Failure', { user, ip: sprayer }));
    const finding = findingOf(analyze(records), 'password-spraying')!;
    expect(finding).toMatchObject({ severity: 'high', eventIDs: records.map((record) => record.eventID), attack: ['T1110.003'] });
    expect(finding.summary).toMatch(/4 failed console sign-ins from 81\.2\.69\.160 for 4 users/);
  });

  it('is critical when a sign-in from that address then succeeds', () => {
    const records = [...['alice', 'bob', 'carol'].map((user, i) => signIn(i, 'Failure', { user, ip: sprayer })), signIn(10, 'Success', { user: 'carol', ip: sprayer })];
    const finding = findingOf(analyze(records), 'password-spraying')!;
    expect(finding.severity).toBe('critical');
    expect(finding.eventIDs).toContain(records[3]!.eventID);
  });

  it('is silent for two users, or for failures hours apart', () => {
    expect(kinds(analyze(['alice', 'bob'].map((user, i) => signIn(i, 'Failure', { user, ip: sprayer }))))).not.toContain('password-spraying');
    expect(kinds(analyze(['alice', 'bob', 'carol'].map((user, i) => signIn(i * 120, 'Failure', { user, ip: sprayer }))))).not.toContain('password-spraying');
  });
});

describe('repeated-sign-in-failures finding', () => {
  it('names many failures for one user within an hour, from any address', () => {
    const records = [0, 3, 6, 9, 12].map((minute, i) => signIn(minute, 'Failure', { ip: i % 2 ? sprayer : '81.2.69.161' }));
    const finding = findingOf(analyze(records), 'repeated-sign-in-failures')!;
    expect(finding).toMatchObject({ severity: 'medium', eventIDs: records.map((record) => record.eventID), attack: ['T1110.001'] });
    expect(finding.summary).toContain('alice');
  });

  it('is silent for a few failures, or for successes', () => {
    expect(kinds(analyze([0, 1, 2, 3].map((minute) => signIn(minute, 'Failure'))))).not.toContain('repeated-sign-in-failures');
    expect(kinds(analyze([0, 1, 2, 3, 4, 5].map((minute) => signIn(minute, 'Success', { mfa: true }))))).toEqual([]);
  });
});
