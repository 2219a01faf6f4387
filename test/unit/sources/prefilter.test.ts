import { describe, expect, it } from 'vitest';

import { hitsIn, looksWhole, needlesOf } from '../../../main/services/sources/log-files/prefilter';

const text = (json: string) => Buffer.from(json);

describe('the byte search that picks candidate records', () => {
  it('finds the value as JSON writes it, and every \\u escape that could spell it, in order', () => {
    const file = text('{"Records":[{"userName":"caf\\u00e9"},{"userName":"alice"},{"arn":"user/alice"}]}');
    const needles = needlesOf({ kind: 'user', userName: 'alice' });
    expect(hitsIn(file, needles)).toEqual([file.indexOf('\\u'), file.indexOf('alice'), file.lastIndexOf('alice')]);
  });

  it('searches a value JSON must escape in its escaped form, \\/ for a value with a slash, and "Root" for root', () => {
    expect(needlesOf({ kind: 'resource', resource: 'a"b/c' }).literals.map(String)).toEqual(['a\\"b/c']);
    expect(needlesOf({ kind: 'resource', resource: 'a"b/c' }).escapes.map(String)).toEqual(['\\u', '\\/']);
    expect(needlesOf({ kind: 'user', userName: 'root' }).literals.map(String)).toEqual(['root', '"Root"']);
  });

  it('cannot narrow an empty value: every record is a candidate', () => {
    expect(hitsIn(text('{"Records":[{}]}'), needlesOf({ kind: 'ip', address: '' }))).toBe('all');
  });

  it('tells a whole object from a file cut short', () => {
    expect(looksWhole(text(' {"Records":[]}\n'))).toBe(true);
    expect(looksWhole(text('{"Records":[{"eventTime": oops'))).toBe(false);
    expect(looksWhole(text(''))).toBe(false);
  });
});
