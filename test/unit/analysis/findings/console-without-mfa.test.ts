import { describe, expect, it } from 'vitest';

import { analyze, findingOf, kinds, signIn } from '../analysis-fixtures';

describe('console-without-mfa finding', () => {
  it('names successful IAM user sign-ins without MFA', () => {
    const records = [signIn(0, 'Success', { ip: '81.2.69.160' }), signIn(60, 'Success', { mfa: true })];
    const finding = findingOf(analyze(records), 'console-without-mfa')!;
    expect(finding).toMatchObject({ severity: 'high', eventIDs: [records[0]!.eventID], attack: ['T1078.004'] });
    expect(finding.summary).toMatch(/1 console sign-in without MFA by alice from 81\.2\.69\.160/);
  });

  it('is critical for the root user', () => {
    expect(findingOf(analyze([signIn(0, 'Success', { type: 'Root', user: 'root' })]), 'console-without-mfa')!.severity).toBe('critical');
  });

  it('is silent with MFA, for failures, and for federated sign-ins (MFA at the identity provider)', () => {
    const records = [signIn(0, 'Success', { mfa: true }), signIn(1, 'Failure'), signIn(2, 'Success', { type: 'AssumedRole' })];
    expect(kinds(analyze(records))).not.toContain('console-without-mfa');
  });
});
