import { describe, expect, it } from 'vitest';

import { parseDeepLink } from '../../../shared/links/deep-link';

describe('parseDeepLink', () => {
  it('reads a full trailcase:// link', () => {
    const { form, errors } = parseDeepLink('trailcase://investigate?profile=demo&user=alice&regions=us-east-1,eu-west-1&since=7d');
    expect(errors).toEqual([]);
    expect(form).toEqual({ profile: 'demo', identity: { kind: 'user', userName: 'alice' }, regions: ['us-east-1', 'eu-west-1'], range: { kind: 'since', since: '7d' } });
  });

  it('reads a bare query string with an access key and an absolute range', () => {
    const { form } = parseDeepLink('accessKeyId=AKIAIOSFODNN7EXAMPLE&start=2026-11-01T00:00:00Z&end=2026-11-02T00:00:00Z');
    expect(form.identity).toEqual({ kind: 'accessKey', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
    expect(form.range).toEqual({ kind: 'absolute', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' });
  });

  it('drops invalid values and says which', () => {
    const { form, errors } = parseDeepLink('?profile=%3Cscript%3E&user=a%20b&regions=us-east-1,evil&since=999d');
    expect(form).toEqual({});
    expect(errors).toHaveLength(4);
  });

  it('refuses a start that is not before the end', () => {
    const { form, errors } = parseDeepLink('start=2026-11-02T00:00:00Z&end=2026-11-01T00:00:00Z');
    expect(form.range).toBeUndefined();
    expect(errors[0]).toMatch(/start/);
  });

  it('ignores malformed encoding, unknown keys and __proto__', () => {
    const { form } = parseDeepLink('__proto__=x&user=%E0%A4%A&profile=demo&other=1');
    expect(form).toEqual({ profile: 'demo' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('keeps the first of a repeated key', () => {
    expect(parseDeepLink('profile=a&profile=b').form.profile).toBe('a');
  });
});
