import { describe, expect, it } from 'vitest';

import { recordsHolding } from '../../../main/services/sources/log-files/record-slices';

const first = '{"eventTime":"2026-01-01T00:00:00Z","note":"a } ] , \\" { [ in a string","n":1.50}';
const second = '{"eventID":"x","list":[{"a":[1,2]},"]"],"e":"\\u00e9\\\\"}';
const third = '{"ratio":1e3}';
const file = Buffer.from(`{"Records":[${first},${second},${third}]}`);
const at = (text: string) => file.indexOf(text);

describe('cutting records out of a log file', () => {
  it('returns the records that hold a hit, byte for byte, braces and quotes inside strings included', () => {
    expect(recordsHolding(file, [at('in a string'), at('ratio')])).toEqual([
      { position: 1, raw: first },
      { position: 3, raw: third },
    ]);
    expect(recordsHolding(file, [at('"list"'), at('"e"')])).toEqual([{ position: 2, raw: second }]);
  });

  it('returns every record when asked for all', () => {
    expect(recordsHolding(file, 'all').map((slice) => slice.raw)).toEqual([first, second, third]);
  });

  it('finds the Records array after other keys and across white space, ignoring hits outside it', () => {
    const spaced = Buffer.from(`{ "digest": {"Records": "no x"}, "Records" : [\n  ${first} ,\n  ${second}\n] }`);
    expect(recordsHolding(spaced, [spaced.indexOf('no x'), spaced.indexOf('"list"')])).toEqual([{ position: 2, raw: second }]);
  });

  it('keeps UTF-8 text as it is', () => {
    const record = '{"userAgent":"Mozilla – café 😀"}';
    const text = Buffer.from(`{"Records":[${record}]}`);
    expect(recordsHolding(text, [text.indexOf('café')])).toEqual([{ position: 1, raw: record }]);
  });

  it('refuses a file without a Records array, and one cut inside a record', () => {
    expect(() => recordsHolding(Buffer.from('{"events":[]}'), [1])).toThrow(/Records/);
    const cut = Buffer.from(`{"Records":[${first},{"eventID":"y","a":[1,`);
    expect(() => recordsHolding(cut, [cut.indexOf('"y"')])).toThrow(/not closed/);
  });
});
