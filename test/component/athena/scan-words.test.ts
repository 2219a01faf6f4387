import { describe, expect, it } from 'vitest';

import { baselineQueryOf } from '../../../shared/baseline/baseline-range';
import { scanWords, sizeWords, usdWords } from '../../../renderer/features/athena/scan-words';

describe('the words of an Athena estimate', () => {
  it('says sizes in 1024-based units and dollars with cents, or two digits below a cent', () => {
    expect([sizeWords(0), sizeWords(1), sizeWords(1023), sizeWords(1536), sizeWords(10 * 2 ** 20), sizeWords(500 * 2 ** 30), sizeWords(1.5 * 2 ** 40)]).toEqual([
      '0 bytes',
      '1 byte',
      '1,023 bytes',
      '1.50 KB',
      '10.0 MB',
      '500 GB',
      '1.50 TB',
    ]);
    expect([usdWords(0), usdWords(0.0000476837158203125), usdWords(0.2), usdWords(2.2705), usdWords(1234.5)]).toEqual(['$0.00', '$0.000048', '$0.20', '$2.27', '$1,234.50']);
    expect(scanWords({ bytes: 2048, billedBytes: 10 * 2 ** 20, usd: 0.0000476837158203125, days: 1, objects: 1 })).toBe('2.00 KB in 1 object over 1 day (billed 10.0 MB)');
  });

  it('does not carry the accepted estimate into the baseline: its own scan must be within the threshold', () => {
    const query = {
      profile: 'p',
      regions: [],
      identity: { kind: 'user' as const, userName: 'alice' },
      start: '2026-03-01T00:00:00.000Z',
      end: '2026-03-03T00:00:00.000Z',
      followSessions: false,
      source: { kind: 'athena' as const, database: 'd', table: 't', maxCostUsd: 0.5, confirmedUsd: 2.27 },
    };
    expect(baselineQueryOf(query, Date.parse('2026-03-03T00:00:00Z'))!.source).toEqual({ kind: 'athena', database: 'd', table: 't', maxCostUsd: 0.5 });
  });
});
