import { describe, expect, it } from 'vitest';

import { recordsHolding } from '../../../main/services/sources/log-files/record-slices';
import { wasmCutter } from '../../../main/services/sources/log-files/wasm-cut';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Runs of 15, 16 and 33 plain bytes put quotes and escapes on each side of a 16-byte step.
  const pieces = ['a', 'é', '😀', ' ', '{', '}', '[', ']', ',', ':', '\\"', '\\\\', '\\u0061', '\\/', 'bench', 'x'.repeat(15), 'y'.repeat(16), 'z'.repeat(33)];
  const string = () => `"${Array.from({ length: Math.floor(next() * 6) }, () => pick(pieces)).join('')}"`;
  const gap = () => pick(['', '', ' ', '\n  ', '\t']);
  const value = (depth: number): string => {
    const kind = depth > 3 ? Math.floor(next() * 3) : Math.floor(next() * 5);
    if (kind === 0) return string();
    if (kind === 1) return pick(['1.50', '1e3', '-0', 'true', 'null']);
    if (kind === 2) return pick(['{}', '[]']);
    if (kind === 3) return `[${gap()}${Array.from({ length: Math.floor(next() * 3) + 1 }, () => value(depth + 1)).join(`,${gap()}`)}]`;
    return `{${Array.from({ length: Math.floor(next() * 3) + 1 }, () => `${gap()}${string()}${gap()}:${gap()}${value(depth + 1)}`).join(',')}}`;
  };
  return { next, value };
}

describe('the WebAssembly walk', () => {
  it('compiles here', () => {
    expect(wasmCutter()).not.toBeNull();
  });

  it('cuts the same records, byte for byte, as the JavaScript walk, over 500 generated files', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { next, value } = generator(seed);
      const records = Array.from({ length: Math.floor(next() * 8) + 1 }, () => `{"v":${value(0)}}`);
      const text = Buffer.from(`{"Records":[${records.join(`,${next() < 0.5 ? ' ' : ''}`)}]}`);
      const hits = Array.from({ length: Math.floor(next() * 5) + 1 }, () => Math.floor(next() * text.length)).sort((a, b) => a - b);
      const expected = recordsHolding(text, hits, { wasm: false });
      expect(recordsHolding(text, hits), `seed ${seed}`).toEqual(expected);
    }
  });

  it('leaves to the JavaScript walk what it does not handle: scalars in the array, and text cut short (reported the same)', () => {
    const scalars = Buffer.from('{"Records":["a",{"b":"bench"},3]}');
    expect(wasmCutter()!.cut(scalars, 12, [scalars.indexOf('bench')])).toBeNull();
    expect(recordsHolding(scalars, [scalars.indexOf('bench')])).toEqual([{ position: 2, raw: '{"b":"bench"}' }]);
    const cut = Buffer.from('{"Records":[{"a":"bench"},{"b":"bench","c":[1,');
    expect(wasmCutter()!.cut(cut, 12, [cut.lastIndexOf('bench')])).toBeNull();
    expect(() => recordsHolding(cut, [cut.lastIndexOf('bench')])).toThrow(/not closed/);
  });

  it('grows its memory for a larger file, and answers the next small one right', () => {
    const big = Buffer.from(`{"Records":[${Array.from({ length: 20_000 }, (_, n) => `{"n":${n},"s":"${n % 1000 === 0 ? 'bench' : 'x'}"}`).join(',')}]}`);
    const hits: number[] = [];
    for (let at = big.indexOf('bench'); at >= 0; at = big.indexOf('bench', at + 1)) hits.push(at);
    expect(recordsHolding(big, hits).map((slice) => slice.position)).toEqual(Array.from({ length: 20 }, (_, n) => n * 1000 + 1));
    const small = Buffer.from('{"Records":[{"s":"bench"}]}');
    expect(recordsHolding(small, [small.indexOf('bench')])).toEqual([{ position: 1, raw: '{"s":"bench"}' }]);
  });
});
