import { describe, expect, it } from 'vitest';

import { analyzeRecords } from '../../../shared/analysis/analyze';
import { createUnknownEnricher } from '../../../shared/analysis/unknown-enricher';
import { normalizeEvent } from '../../../shared/records/normalize';
import { rulePack } from '../../../shared/rules/rule-pack';
import { analyze, callAt, events, fakeEnricher, hitOf } from './analysis-fixtures';

describe('analyzeRecords', () => {
  it('lists every record by its eventID, and a record without one by the id the app gives it', () => {
    const withoutId = callAt(1, 'iam.amazonaws.com', 'ListUsers');
    delete withoutId.eventID;
    const input = [...events([callAt(0, 'sts.amazonaws.com', 'GetCallerIdentity'), withoutId]), normalizeEvent('{"truncated')];
    const analysis = analyzeRecords(input, { enricher: createUnknownEnricher(), flagsOf: () => [] });
    expect(analysis.events.map((event) => event.eventID)).toEqual(input.map((event) => event.id));
    expect(analysis.events[1]!.eventID).toMatch(/^unparsed-/);
    expect(analysis.events[2]).toMatchObject({ flags: [], new: [], eventName: '' });
  });

  it("names the rule pack and gives each event the engine's flags, with ATT&CK ids", () => {
    const analysis = analyze([callAt(0, 'cloudtrail.amazonaws.com', 'StopLogging')], {
      flagsOf: () => [hitOf('logging-tampering', 'high', ['T1562.008'])],
    });
    expect(analysis.rulePack).toBe(rulePack.version);
    expect(analysis.events[0]!.flags).toEqual([
      { ruleId: 'TEST-logging-tampering', severity: 'high', category: 'logging-tampering', title: 'test logging-tampering', reason: 'because', attack: ['T1562.008'] },
    ]);
  });

  it('reads a flag without ATT&CK ids as none', () => {
    const legacy = { ...hitOf('kms'), attack: undefined } as unknown as ReturnType<typeof hitOf>;
    const analysis = analyze([callAt(0, 'kms.amazonaws.com', 'ScheduleKeyDeletion')], { flagsOf: () => [legacy] });
    expect(analysis.events[0]!.flags[0]!.attack).toEqual([]);
  });

  it('has no baseline and nothing new without a baseline', () => {
    const analysis = analyze([callAt(0, 'iam.amazonaws.com', 'ListUsers')]);
    expect(analysis.baseline).toBeNull();
    expect(analysis.events[0]!.new).toEqual([]);
  });

  it('gives each source address its enrichment and event count, most events first', () => {
    const records = [
      callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: '81.2.69.160' }),
      callAt(1, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: '52.95.110.1' }),
      callAt(2, 'iam.amazonaws.com', 'ListRoles', { sourceIPAddress: '52.95.110.1' }),
      callAt(3, 'iam.amazonaws.com', 'GetUser', { sourceIPAddress: 'AWS Internal' }),
    ];
    const enricher = fakeEnricher({ '81.2.69.160': { country: 'GB', asn: 20712, asOrg: 'Andrews & Arnold' }, '52.95.110.1': { country: 'US', asn: 16509, asOrg: 'AMAZON-02', aws: 'EC2', awsRegion: 'us-east-1' } });
    const analysis = analyze(records, { enricher });
    expect(analysis.sources).toEqual([
      { ip: '52.95.110.1', country: 'US', asn: 16509, asOrg: 'AMAZON-02', aws: 'EC2', tor: false, events: 2, kind: 'public', awsRegion: 'us-east-1' },
      { ip: '81.2.69.160', country: 'GB', asn: 20712, asOrg: 'Andrews & Arnold', aws: null, tor: false, events: 1, kind: 'public', awsRegion: null },
      { ip: 'AWS Internal', country: null, asn: null, asOrg: null, aws: null, tor: null, events: 1, kind: 'aws-internal', awsRegion: null },
    ]);
    expect(analysis.datasets.map((dataset) => dataset.id)).toEqual(['ip-country', 'ip-asn', 'aws-ip-ranges', 'tor-exits']);
  });

  it('says an address was a Tor exit when any of its events came while it was one', () => {
    const exitFrom = Date.parse('2026-11-20T10:05:00Z');
    const enricher = fakeEnricher({ '185.220.101.47': { country: 'DE', tor: (at) => at >= exitFrom } });
    const records = [0, 10].map((minute) => callAt(minute, 'sts.amazonaws.com', 'GetCallerIdentity', { sourceIPAddress: '185.220.101.47' }));
    const [before, after] = [analyze(records.slice(0, 1), { enricher }), analyze(records, { enricher })];
    expect(before.sources[0]!.tor).toBe(false);
    expect(after.sources[0]!.tor).toBe(true);
  });

  it('reads every enrichment as unknown when no data set is loaded, and says so', () => {
    const analysis = analyzeRecords(events([callAt(0, 'iam.amazonaws.com', 'ListUsers', { sourceIPAddress: '81.2.69.160' })]), {
      enricher: createUnknownEnricher(),
      flagsOf: () => [],
    });
    expect(analysis.sources[0]).toMatchObject({ kind: 'public', country: null, asn: null, aws: null, tor: null });
    expect(analysis.datasets).toEqual([]);
    expect(analysis.notes.join(' ')).toMatch(/Tor exit is unknown/);
  });

  it('orders findings most severe first', () => {
    const records = [
      callAt(0, 'cloudtrail.amazonaws.com', 'StopLogging', { userAgent: 'Prowler/4.0 aws-cli/2.15.0' }),
      callAt(1, 'iam.amazonaws.com', 'CreateAccessKey'),
    ];
    const analysis = analyze(records, {
      flagsOf: (event) => (event.eventName === 'StopLogging' ? [hitOf('logging-tampering', 'critical')] : [hitOf('credential-creation', 'medium')]),
    });
    expect(analysis.findings.map((finding) => [finding.kind, finding.severity])).toEqual([
      ['logging-tampering', 'critical'],
      ['persistence', 'medium'],
      ['pentest-tool', 'low'],
    ]);
  });

  it('runs the built-in rule pack when no flags are given', () => {
    const record = callAt(0, 'cloudtrail.amazonaws.com', 'StopLogging', { requestParameters: { name: 'management-events' } });
    const analysis = analyzeRecords(events([record]), { enricher: createUnknownEnricher() });
    expect(analysis.events[0]!.flags.map((flag) => flag.category)).toContain('logging-tampering');
    expect(analysis.findings.map((finding) => finding.kind)).toContain('logging-tampering');
  });
});
