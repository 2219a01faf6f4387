import { describe, expect, it } from 'vitest';

import { analyze, callAt, fakeEnricher, findingOf, kinds, signIn } from '../analysis-fixtures';

const exit = '185.220.101.47';

describe('tor-exit finding', () => {
  it('names the events from an address that was a Tor exit at their time', () => {
    const records = [signIn(0, 'Success', { ip: exit }), callAt(5, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: exit }), callAt(6, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: '81.2.69.160' })];
    const finding = findingOf(analyze(records, { enricher: fakeEnricher({ [exit]: { tor: true } }) }), 'tor-exit')!;
    expect(finding).toMatchObject({ severity: 'high', eventIDs: [records[0]!.eventID, records[1]!.eventID], attack: ['T1090.003'] });
    expect(finding.summary).toContain(exit);
    expect(finding.summary).toContain('1 console sign-in');
  });

  it('is silent when the address was not an exit at the time of the call', () => {
    const enricher = fakeEnricher({ [exit]: { tor: (at) => at < Date.parse('2026-11-20T09:00:00Z') } });
    expect(kinds(analyze([callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: exit })], { enricher }))).not.toContain('tor-exit');
  });

  it('claims nothing without a Tor list, and notes that Tor is unknown', () => {
    const analysis = analyze([callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: exit })], { enricher: fakeEnricher({ [exit]: { tor: true } }, ['ip-country']) });
    expect(kinds(analysis)).not.toContain('tor-exit');
    expect(analysis.sources[0]!.tor).toBeNull();
    expect(analysis.notes.join(' ')).toMatch(/Tor exit is unknown/);
  });
});
