import { describe, expect, it } from 'vitest';

import { buildPredicate } from '../../../shared/filters/apply-filters';
import { emptyFilters } from '../../../shared/filters/filter-state';
import { fillSearchBits, holdsPairs, pairsDecide, pairsOfTerms, pairWords } from '../../../shared/filters/search-pairs';
import { charMask, searchTextOf } from '../../../shared/filters/search-text';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';

const noFlags = () => [];

function bitsOf(text: string): Uint32Array {
  const bits = new Uint32Array(pairWords);
  fillSearchBits(text, bits);
  return bits;
}

const texts = ['putobject s3 203.0.113.7', 'déjà vu 42', 'akia…zz', '<img src=x onerror=1>', 'getobject\narn:aws:iam::1:user/jmorales'];

describe('fillSearchBits', () => {
  it('returns the text’s charMask', () => {
    for (const text of texts) expect(fillSearchBits(text, new Uint32Array(pairWords))).toBe(charMask(text));
  });

  it('never rules out a text that holds the term', () => {
    for (const text of texts) {
      const bits = bitsOf(text);
      for (let start = 0; start < text.length; start++)
        for (let end = start + 1; end <= text.length; end++) expect(holdsPairs(bits, pairsOfTerms([text.slice(start, end)]))).toBe(true);
    }
  });

  it('holds a pair of two letters exactly when the text has them side by side', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const text of texts) {
      const bits = bitsOf(text);
      for (const a of letters) for (const b of letters) expect(holdsPairs(bits, pairsOfTerms([a + b]))).toBe(text.includes(a + b));
    }
  });

  it('sets no pair across a character that is not a letter or digit', () => {
    expect(holdsPairs(bitsOf('put.object\nrole'), pairsOfTerms(['to']))).toBe(false);
    expect(holdsPairs(bitsOf('put.object\nrole'), pairsOfTerms(['tr']))).toBe(false);
  });
});

describe('pairsDecide', () => {
  it('is true for terms of one or two letters only', () => {
    expect(pairsDecide(['pu', 'x'])).toBe(true);
    expect(pairsDecide(['put'])).toBe(false);
    expect(pairsDecide(['p1'])).toBe(false);
    expect(pairsDecide([])).toBe(false);
  });
});

describe('search with character pairs', () => {
  const names = ['PutObject', 'GetObject', 'ListBuckets', 'DescribeInstances', 'AssumeRole', 'ConsoleLogin', 'CréerUtilisateur'];
  const events = Array.from({ length: 300 }, (_, i) =>
    normalizeEvent({ eventID: `e${i}`, eventName: names[i % names.length], sourceIPAddress: `198.51.100.${i % 17}`, userAgent: i % 5 ? 'aws-cli/2.15' : 'Boto3/1.34' }),
  );
  const prepared = new Map(events.map((event) => [event, bitsOf(searchTextOf(event))]));
  let scanned = 0;
  const lookup = {
    textOf: (event: NormalizedEvent) => {
      scanned += 1;
      return searchTextOf(event);
    },
    maskOf: (event: NormalizedEvent) => charMask(searchTextOf(event)),
    holdsPairs: (event: NormalizedEvent, pairs: ReadonlyArray<readonly [number, number]>) => holdsPairs(prepared.get(event)!, pairs),
  };

  it.each(['p', 'pu', 'ut', 'put', 'obj ect', '198', '100.1', 'boto3', 'cré', 'é', 'e0', 'z z', 'aws p', 'li st', 'tl'])('finds what a plain scan finds for "%s"', (search) => {
    const filters = { ...emptyFilters, search };
    const plain = events.filter(buildPredicate(filters, noFlags)).map((e) => e.id);
    expect(events.filter(buildPredicate(filters, noFlags, lookup)).map((e) => e.id)).toEqual(plain);
  });

  it('scans no text for terms of two letters, and only the texts that hold every pair for a longer one', () => {
    scanned = 0;
    const two = events.filter(buildPredicate({ ...emptyFilters, search: 'pu ob' }, noFlags, lookup));
    expect(two.length).toBeGreaterThan(0);
    expect(scanned).toBe(0);
    const longer = events.filter(buildPredicate({ ...emptyFilters, search: 'putob' }, noFlags, lookup));
    expect(longer.length).toBeGreaterThan(0);
    expect(scanned).toBe(longer.length);
  });
});
