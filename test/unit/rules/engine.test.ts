import { describe, expect, it } from 'vitest';

import { normalizeEvent } from '../../../shared/records/normalize';
import { matches, valuesAt } from '../../../shared/rules/condition';
import { flagEvent, renderReason, topSeverity } from '../../../shared/rules/engine';
import { eventOf } from './records';

describe('conditions', () => {
  it('read through arrays, so any element may match', () => {
    const record = { resources: [{ type: 'AWS::S3::Bucket' }, { type: 'AWS::IAM::Role' }] };
    expect(matches({ field: 'resources.type', equals: 'AWS::IAM::Role' }, record)).toBe(true);
  });

  it('never read inherited properties such as __proto__ or constructor', () => {
    const record = JSON.parse('{"__proto__": {"polluted": 1}}') as unknown;
    expect(valuesAt({}, 'constructor.name')).toEqual([]);
    expect(matches({ field: '__proto__.polluted', equals: 1 }, record)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(matches({ field: 'toString', exists: true }, {})).toBe(false);
  });

  it('stop searching text in deeply nested values instead of overflowing the stack', () => {
    let nested: unknown = '0.0.0.0/0';
    for (let i = 0; i < 10_000; i++) nested = { a: nested };
    expect(matches({ field: 'requestParameters', includes: '0.0.0.0/0' }, { requestParameters: nested })).toBe(false);
  });

  it('compare one field with another', () => {
    expect(matches({ field: 'a', equalsField: 'b' }, { a: 'x', b: 'x' })).toBe(true);
    expect(matches({ field: 'a', equalsField: 'b' }, { a: 'x', b: 'y' })).toBe(false);
  });
});

describe('flagEvent', () => {
  it('explains each flag with the values that matched', () => {
    const event = eventOf('iam.amazonaws.com', 'AttachUserPolicy', { requestParameters: { userName: 'mallory', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } });
    const [hit] = flagEvent(event);
    expect(hit?.ruleId).toBe('TC-IAM-001');
    expect(hit?.reason).toContain('mallory');
    expect(hit?.reason).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
  });

  it('returns hits most severe first', () => {
    const event = eventOf('iam.amazonaws.com', 'CreateAccessKey', { requestParameters: { userName: 'bob' } });
    expect(flagEvent(event).map((hit) => hit.severity)).toEqual(['critical', 'high']);
    expect(topSeverity(flagEvent(event))).toBe('critical');
  });

  it('flags nothing on an unparseable record', () => {
    expect(flagEvent(normalizeEvent('{"eventName": "StopLogging"'))).toEqual([]);
  });

  it('flags nothing on ordinary read-only work', () => {
    expect(flagEvent(eventOf('s3.amazonaws.com', 'ListBuckets'))).toEqual([]);
  });
});

describe('renderReason', () => {
  it('uses the first present alternative and says when none was recorded', () => {
    expect(renderReason('{a|b} then {c}', { b: 'second' })).toBe('second then (not recorded)');
  });

  it('shortens long untrusted values to one bounded line', () => {
    expect(renderReason('{a}', { a: 'x'.repeat(10_000) }).length).toBeLessThan(130);
  });
});
