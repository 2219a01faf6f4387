import { describe, expect, it } from 'vitest';

import { analyze, callAt, fakeEnricher, findingOf, kinds } from '../analysis-fixtures';

const home = '81.2.69.160';
const away = '185.220.101.47';
const enricher = fakeEnricher({ [home]: { country: 'GB', asn: 20712, asOrg: 'Andrews & Arnold' }, [away]: { country: 'DE', asn: 60729, asOrg: 'Stiftung Erneuerbare Freiheit' } });
const baselineRecords = [
  callAt(-3000, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: home }),
  callAt(-2000, 's3.amazonaws.com', 'ListBuckets', { sourceIPAddress: home, awsRegion: 'eu-west-1' }),
];

describe('baseline', () => {
  it('says when it starts and ends and how many events it holds', () => {
    const analysis = analyze([callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: home })], { enricher, baselineRecords });
    expect(analysis.baseline).toEqual({ start: '2026-11-18T08:00:00.000Z', end: '2026-11-19T00:40:00.000Z', events: 2 });
  });

  it('names what it never showed for the identity, and nothing it did', () => {
    const records = [
      callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: home }),
      callAt(1, 'iam.amazonaws.com', 'CreateAccessKey', { sourceIPAddress: away, userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64', awsRegion: 'ap-south-1', errorCode: 'AccessDenied' }),
    ];
    const analysis = analyze(records, { enricher, baselineRecords });
    expect(analysis.events[0]!.new).toEqual([]);
    expect(analysis.events[1]!.new).toEqual(['sourceIP', 'asn', 'country', 'userAgent', 'eventName', 'region', 'errorCode']);
  });

  it('compares an identity with its own earlier records when it has some', () => {
    const bob = { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/bob', userName: 'bob', accountId: '111122223333' };
    const baseline = [...baselineRecords, callAt(-100, 'ec2.amazonaws.com', 'DescribeInstances', { userIdentity: bob, sourceIPAddress: away })];
    const analysis = analyze([callAt(0, 'ec2.amazonaws.com', 'DescribeInstances', { sourceIPAddress: away })], { enricher, baselineRecords: baseline });
    expect(analysis.events[0]!.new).toEqual(['sourceIP', 'asn', 'country', 'eventName', 'eventSource']);
  });
});

describe('new-country, new-asn and new-user-agent findings', () => {
  it('name the events of a country, network and client the baseline never showed', () => {
    const records = [
      callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: home }),
      callAt(1, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: away, userAgent: 'Boto3/1.34.0 md/Botocore#1.34.0' }),
    ];
    const analysis = analyze(records, { enricher, baselineRecords });
    expect(findingOf(analysis, 'new-country')).toMatchObject({ severity: 'medium', title: 'New country DE', eventIDs: [records[1]!.eventID] });
    expect(findingOf(analysis, 'new-asn')).toMatchObject({ title: 'New network AS60729', eventIDs: [records[1]!.eventID] });
    expect(findingOf(analysis, 'new-asn')!.summary).toContain('Stiftung Erneuerbare Freiheit');
    expect(findingOf(analysis, 'new-user-agent')!.summary).toContain('Boto3/1.34.0');
  });

  it('are silent for what the baseline showed, and without a baseline', () => {
    const same = [callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: home })];
    expect(kinds(analyze(same, { enricher, baselineRecords }))).toEqual([]);
    expect(kinds(analyze([callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: away })], { enricher }))).toEqual([]);
  });
});
