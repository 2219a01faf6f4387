import { describe, expect, it } from 'vitest';

import { greatCircleKm, leastDistanceKm } from '../../../../shared/analysis/geo/distance';
import { analyze, callAt, fakeEnricher, findingOf, kinds, signIn } from '../analysis-fixtures';

const berlin = '81.2.69.1';
const dallas = '23.129.64.131';
const paris = '90.1.1.1';
const awsDublin = '52.95.110.1';
const enricher = fakeEnricher({
  [berlin]: { country: 'DE' },
  [dallas]: { country: 'US' },
  [paris]: { country: 'FR' },
  [awsDublin]: { country: 'IE', aws: 'EC2', awsRegion: 'eu-west-1' },
});

describe('country distances', () => {
  it('measure great circles', () => {
    expect(greatCircleKm(51.5, 0, 40.7, -74)).toBeGreaterThan(5500);
    expect(greatCircleKm(51.5, 0, 40.7, -74)).toBeLessThan(5600);
  });

  it('are the least the two countries allow: none between neighbours, thousands across an ocean', () => {
    expect(leastDistanceKm('DE', 'FR')).toBe(0);
    expect(leastDistanceKm('DE', 'US')).toBeGreaterThan(4000);
  });

  it('are unknown for a code not in the table, own keys only', () => {
    expect(leastDistanceKm('DE', 'ZZ')).toBeNull();
    expect(leastDistanceKm('__proto__', 'DE')).toBeNull();
    expect(leastDistanceKm('constructor', 'DE')).toBeNull();
  });
});

describe('impossible-travel finding', () => {
  it('names the two events of a move across an ocean in minutes', () => {
    const records = [signIn(0, 'Success', { ip: berlin }), callAt(5, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: berlin }), callAt(12, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: dallas })];
    const finding = findingOf(analyze(records, { enricher }), 'impossible-travel')!;
    expect(finding).toMatchObject({ severity: 'high', title: 'Impossible travel: DE and US', eventIDs: [records[1]!.eventID, records[2]!.eventID], attack: ['T1078.004'] });
    expect(finding.summary).toMatch(/7 minutes later from US/);
    expect(finding.summary).toMatch(/neighbours are never seen/);
  });

  it('is milder when a Tor exit is at one end, and says why', () => {
    const torEnricher = fakeEnricher({ [berlin]: { country: 'DE', tor: true }, [dallas]: { country: 'US' } });
    const records = [callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: berlin }), callAt(3, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: dallas })];
    const finding = findingOf(analyze(records, { enricher: torEnricher }), 'impossible-travel')!;
    expect(finding.severity).toBe('medium');
    expect(finding.summary).toMatch(/Tor circuit/);
  });

  it('is silent for the same move over a day, which a flight allows', () => {
    const records = [callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: berlin }), callAt(20 * 60, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: dallas })];
    expect(kinds(analyze(records, { enricher }))).not.toContain('impossible-travel');
  });

  it('never compares neighbouring countries, nor addresses of AWS', () => {
    const neighbours = [callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: berlin }), callAt(1, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: paris })];
    expect(kinds(analyze(neighbours, { enricher }))).not.toContain('impossible-travel');
    const fromAws = [callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: dallas }), callAt(1, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: awsDublin })];
    expect(kinds(analyze(fromAws, { enricher }))).not.toContain('impossible-travel');
  });

  it('compares one user or role session with itself, not two people of a shared role', () => {
    const session = (name: string) => ({
      type: 'AssumedRole',
      arn: `arn:aws:sts::111122223333:assumed-role/deploy/${name}`,
      accountId: '111122223333',
      sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/deploy', userName: 'deploy' } },
    });
    const records = [
      callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: berlin, userIdentity: session('anna') }),
      callAt(2, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: dallas, userIdentity: session('bob') }),
    ];
    expect(kinds(analyze(records, { enricher }))).not.toContain('impossible-travel');
  });

  it('is not checked without country data, and says so', () => {
    const records = [callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: berlin }), callAt(1, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: dallas })];
    const analysis = analyze(records, { enricher: fakeEnricher({}, ['tor-exits']) });
    expect(kinds(analysis)).not.toContain('impossible-travel');
    expect(analysis.notes.join(' ')).toMatch(/Impossible travel was not checked/);
  });
});
