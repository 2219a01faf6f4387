import { describe, expect, it } from 'vitest';

import { buildPredicate } from '../../../shared/filters/apply-filters';
import { emptyFilters } from '../../../shared/filters/filter-state';
import { charMask, searchTextOf } from '../../../shared/filters/search-text';
import { normalizeEvent } from '../../../shared/records/normalize';

const noFlags = () => [];

describe('charMask', () => {
  it('sets a bit per letter and per digit group, and none for other characters', () => {
    expect(charMask('a')).toBe(1);
    expect(charMask('ab')).toBe(3);
    expect(charMask('z')).toBe(1 << 25);
    expect(charMask('0')).toBe(1 << 26);
    expect(charMask('6')).toBe(charMask('0'));
    expect(charMask('é-_/ ⟨⟩')).toBe(0);
  });

  it('never rules out a text that holds the term', () => {
    const texts = ['putobject s3 203.0.113.7', 'déjà vu 42', 'AKIA…'.toLowerCase(), '<img src=x onerror=1>'];
    for (const text of texts)
      for (let start = 0; start < text.length; start++)
        for (let end = start + 1; end <= text.length; end++) {
          const term = text.slice(start, end);
          expect(charMask(text) & charMask(term)).toBe(charMask(term));
        }
  });
});

describe('search with character masks', () => {
  const names = ['PutObject', 'GetObject', 'ListBuckets', 'DescribeInstances', 'AssumeRole', 'ConsoleLogin', 'CréerUtilisateur'];
  const events = Array.from({ length: 300 }, (_, i) =>
    normalizeEvent({ eventID: `e${i}`, eventName: names[i % names.length], sourceIPAddress: `198.51.100.${i % 17}`, userAgent: i % 5 ? 'aws-cli/2.15' : 'Boto3/1.34' }),
  );
  const masked = { textOf: searchTextOf, maskOf: (event: (typeof events)[number]) => charMask(searchTextOf(event)) };

  it.each(['p', 'q', 'x', 'put', 'obj ect', '198', '100.1', 'boto3', 'cré', 'é', 'e0', 'z z', 'aws p'])('finds what a plain scan finds for "%s"', (search) => {
    const filters = { ...emptyFilters, search };
    const plain = events.filter(buildPredicate(filters, noFlags)).map((e) => e.id);
    expect(events.filter(buildPredicate(filters, noFlags, masked)).map((e) => e.id)).toEqual(plain);
  });
});
