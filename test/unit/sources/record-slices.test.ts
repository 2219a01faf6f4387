import { describe, expect, it } from 'vitest';

import { sliceRecords } from '../../../main/services/sources/log-files/record-slices';

const first = '{"eventTime":"2026-01-01T00:00:00Z","note":"a } ] , \\" { [ in a string","n":1.50}';
const second = '{"eventID":"x","list":[{"a":[1,2]},"]"],"e":"\\u00e9\\\\"}';
const third = '{"ratio":1e3}';

describe('cutting records out of a log file', () => {
  it('returns each asked record byte for byte, braces and quotes inside strings included', () => {
    const file = Buffer.from(`{"Records":[${first},${second},${third}]}`);
    expect(sliceRecords(file, new Set([1, 3]))).toEqual(
      new Map([
        [1, first],
        [3, third],
      ]),
    );
    expect(sliceRecords(file, new Set([2])).get(2)).toBe(second);
  });

  it('finds the Records array after other keys and across white space', () => {
    const file = Buffer.from(`{ "digest": {"Records": "no"}, "Records" : [\n  ${first} ,\n  ${second}\n] }`);
    expect(sliceRecords(file, new Set([2])).get(2)).toBe(second);
  });

  it('keeps UTF-8 text as it is', () => {
    const record = '{"userAgent":"Mozilla – café 😀"}';
    expect(sliceRecords(Buffer.from(`{"Records":[${record}]}`), new Set([1])).get(1)).toBe(record);
  });

  it('refuses a file without a Records array', () => {
    expect(() => sliceRecords(Buffer.from('{"events":[]}'), new Set([1]))).toThrow(/Records/);
  });
});
