import { describe, expect, it } from 'vitest';

import { analysisContract } from '../../../shared/api/analysis-contract';

const input = analysisContract.analyzeFetch.input;
const fetchId = 'f_0123456789';
const mute = {
  ruleId: 'TC-LOG-001',
  identity: 'arn:aws:iam::111122223333:user/alice',
  reason: 'change window CHG-1',
  until: '2027-01-01T00:00:00.000Z',
};

describe('analyzeFetch input: the investigation mutes', () => {
  it('accepts mutes with a reason and an expiry', () => {
    expect(input.parse({ fetchId, mutes: [mute] }).mutes).toEqual([mute]);
    expect(input.parse({ fetchId }).mutes).toBeUndefined();
  });

  it('refuses a mute without a reason, with a blank or oversized reason, or without an expiry', () => {
    const { reason: _reason, ...noReason } = mute;
    const { until: _until, ...noUntil } = mute;
    expect(input.safeParse({ fetchId, mutes: [noReason] }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: [{ ...mute, reason: ' \n\t ' }] }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: [{ ...mute, reason: 'x'.repeat(501) }] }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: [noUntil] }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: [{ ...mute, until: 'next week' }] }).success).toBe(false);
  });

  it('refuses oversized identities and rule ids, extra fields, and more than 500 mutes', () => {
    expect(input.safeParse({ fetchId, mutes: [{ ...mute, identity: 'a'.repeat(401) }] }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: [{ ...mute, ruleId: 'R'.repeat(81) }] }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: [{ ...mute, html: '<b>x</b>' }] }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: Array.from({ length: 501 }, (_, i) => ({ ...mute, ruleId: `R${i}` })) }).success).toBe(false);
    expect(input.safeParse({ fetchId, mutes: Array.from({ length: 500 }, (_, i) => ({ ...mute, ruleId: `R${i}` })) }).success).toBe(true);
  });

  it('keeps a hostile reason as the same text (never rewritten into markup), trimmed', () => {
    const hostile = '  <img src=x onerror="alert(1)">\u001b[31m  ';
    expect(input.parse({ fetchId, mutes: [{ ...mute, reason: hostile }] }).mutes![0]!.reason).toBe(hostile.trim());
  });
});
