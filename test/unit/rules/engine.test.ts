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

  it('match regular expressions on string values only', () => {
    expect(matches({ field: 'userAgent', matches: 'trufflehog', flags: 'i' }, { userAgent: 'TruffleHog' })).toBe(true);
    expect(matches({ field: 'userAgent', matches: 'trufflehog', flags: 'gi' }, { userAgent: 'TruffleHog' })).toBe(true);
    expect(matches({ field: 'userAgent', matches: 'x' }, { userAgent: { x: 'x' } })).toBe(false);
  });

  it('compare numbers and numeric strings', () => {
    expect(matches({ field: 'days', atMost: 7 }, { days: '1' })).toBe(true);
    expect(matches({ field: 'days', atMost: 7 }, { days: 30 })).toBe(false);
    expect(matches({ field: 'days', atLeast: 4 }, { days: [1, 10] })).toBe(true);
    expect(matches({ field: 'days', atLeast: 0 }, { days: '' })).toBe(false);
    expect(matches({ field: 'days', atLeast: 0 }, { days: null })).toBe(false);
  });

  it('count values through arrays', () => {
    expect(matches({ field: 'items', countAtLeast: 3 }, { items: [1, 2, 3] })).toBe(true);
    expect(matches({ field: 'items', countAtLeast: 3 }, { items: [1, 2] })).toBe(false);
    expect(matches({ field: 'items', countAtLeast: 1 }, { items: [] })).toBe(false);
  });

  it('tie the fields of one array element together with some', () => {
    const allowAndDeny = { Statement: [{ Effect: 'Deny', Principal: '*' }, { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' } }] };
    const condition = { field: 'Statement', some: { all: [{ field: 'Effect', equals: 'Allow' }, { field: 'Principal', equals: '*' }] } } as const;
    expect(matches(condition, allowAndDeny)).toBe(false);
    expect(matches(condition, { Statement: { Effect: 'Allow', Principal: '*' } })).toBe(true);
  });

  it('read JSON documents held in strings, plain or URL-encoded, and ignore broken ones', () => {
    const condition = { field: 'doc', json: { field: 'Statement.Effect', equals: 'Allow' } } as const;
    const document = JSON.stringify({ Statement: [{ Effect: 'Allow' }] });
    expect(matches(condition, { doc: document })).toBe(true);
    expect(matches(condition, { doc: encodeURIComponent(document) })).toBe(true);
    expect(matches(condition, { doc: { Statement: { Effect: 'Allow' } } })).toBe(true);
    expect(matches(condition, { doc: '{"Statement": [' })).toBe(false);
    expect(matches(condition, { doc: '%E0%A4%A' })).toBe(false);
    expect(matches(condition, { doc: `{"a":${'['.repeat(100_000)}` })).toBe(false);
  });

  it('tell another account from the event\'s own', () => {
    const condition = { field: 'principal', namesAccountOtherThan: 'recipientAccountId|userIdentity.accountId' } as const;
    expect(matches(condition, { recipientAccountId: '111122223333', principal: 'arn:aws:iam::444455556666:root' })).toBe(true);
    expect(matches(condition, { recipientAccountId: '111122223333', principal: ['arn:aws:iam::111122223333:role/x'] })).toBe(false);
    expect(matches(condition, { userIdentity: { accountId: '111122223333' }, principal: { AWS: '444455556666' } })).toBe(true);
    expect(matches(condition, { recipientAccountId: '111122223333', principal: 'arn:aws:iam::1111222233334:root' })).toBe(false);
    expect(matches(condition, { principal: 'arn:aws:iam::444455556666:root' })).toBe(false);
  });

  it('stop walking arrays nested deeper than a record ever is', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 10_000; i++) nested = [nested];
    expect(matches({ field: 'a', equals: 'x' }, { a: nested })).toBe(false);
  });

  it('compare one field with another', () => {
    expect(matches({ field: 'a', equalsField: 'b' }, { a: 'x', b: 'x' })).toBe(true);
    expect(matches({ field: 'a', equalsField: 'b' }, { a: 'x', b: 'y' })).toBe(false);
    expect(matches({ field: 'a', equalsLastPartOf: 'b' }, { a: 'alice', b: 'arn:aws:sts::1:assumed-role/IAM/alice' })).toBe(true);
    expect(matches({ field: 'a', equalsLastPartOf: 'b' }, { a: 'alice', b: 'arn:aws:iam::1:user/alice' })).toBe(true);
    expect(matches({ field: 'a', equalsLastPartOf: 'b' }, { a: 'bob', b: 'arn:aws:sts::1:assumed-role/IAM/alice' })).toBe(false);
    expect(matches({ field: 'a', equalsLastPartOf: 'b' }, { a: 'IAM', b: 'arn:aws:sts::1:assumed-role/IAM/alice' })).toBe(false);
    expect(matches({ field: 'a', equalsLastPartOf: 'b' }, { a: 'alice' })).toBe(false);
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
    expect(flagEvent(eventOf('s3.amazonaws.com', 'GetBucketLocation', { requestParameters: { bucketName: 'b' } }))).toEqual([]);
    expect(flagEvent(eventOf('monitoring.amazonaws.com', 'DescribeAlarms'))).toEqual([]);
  });

  it('keeps broad inventory reads informational', () => {
    expect(flagEvent(eventOf('s3.amazonaws.com', 'ListBuckets')).map((hit) => hit.severity)).toEqual(['info']);
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
