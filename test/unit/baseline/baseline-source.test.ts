import { describe, expect, it } from 'vitest';

import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { baselineQueryOf } from '../../../shared/baseline/baseline-range';

const now = Date.parse('2026-12-01T00:00:00Z');
const lastYear: FetchQuery = {
  profile: 'analyst',
  regions: [],
  identity: { kind: 'user', userName: 'alice' },
  start: '2025-06-01T00:00:00Z',
  end: '2025-06-08T00:00:00Z',
  followSessions: false,
  source: { kind: 'files', path: '/trail' },
};

describe('the baseline of a source that keeps what the trail kept', () => {
  it('is the 90 days before a range of last year, from the same source', () => {
    expect(baselineQueryOf(lastYear, now)).toEqual({ ...lastYear, start: '2025-03-03T00:00:00.000Z', end: '2025-06-01T00:00:00.000Z' });
  });

  it('stays within LookupEvents’ 90 days for a lookup query', () => {
    const { source: _source, ...lookup } = lastYear;
    expect(baselineQueryOf({ ...lookup, regions: ['us-east-1'] }, now)).toBeNull();
  });
});
