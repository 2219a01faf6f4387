import { describe, expect, it } from 'vitest';

import { flagGroups } from '../../../../shared/analysis/findings/flag-categories';
import { analyze, callAt, findingOf, hitOf } from '../analysis-fixtures';

describe('findings that gather flags', () => {
  it.each([
    ['logging-tampering', 'logging-tampering', 'StopLogging'],
    ['privilege-change', 'privilege-escalation', 'AttachUserPolicy'],
    ['credential-creation', 'persistence', 'CreateAccessKey'],
    ['s3-exposure', 'exfiltration', 'PutBucketPolicy'],
    ['data-exposure', 'exfiltration', 'ModifySnapshotAttribute'],
  ])('gather flags of category %s into one %s finding naming its events', (category, kind, eventName) => {
    const records = [callAt(0, 'x.amazonaws.com', eventName), callAt(1, 'x.amazonaws.com', eventName), callAt(2, 'iam.amazonaws.com', 'ListUsers')];
    const analysis = analyze(records, {
      flagsOf: (event) => (event.eventName === eventName ? [hitOf(category, event.id === records[0]!.eventID ? 'medium' : 'critical', ['T9999.001'])] : []),
    });
    const found = analysis.findings.filter((finding) => finding.kind === kind);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'critical', eventIDs: [records[0]!.eventID, records[1]!.eventID], attack: ['T9999.001'] });
    expect(found[0]!.summary).toContain(eventName);
  });

  it('fall back to the kind\'s own ATT&CK ids when the flags carry none', () => {
    const analysis = analyze([callAt(0, 'cloudtrail.amazonaws.com', 'StopLogging')], { flagsOf: () => [hitOf('logging-tampering')] });
    expect(findingOf(analysis, 'logging-tampering')!.attack).toEqual(['T1562.008']);
  });

  it('are silent without flags of their categories', () => {
    const analysis = analyze([callAt(0, 'kms.amazonaws.com', 'ScheduleKeyDeletion')], { flagsOf: () => [hitOf('kms')] });
    expect(analysis.findings.filter((finding) => flagGroups.some((group) => group.kind === finding.kind))).toEqual([]);
  });
});
