import { describe, expect, it } from 'vitest';

import { parseSince, rangeFromSince, timePresets } from '../../../shared/time/presets';

describe('parseSince', () => {
  it('reads minutes, hours, days and weeks', () => {
    expect(parseSince('15m')).toBe(15 * 60_000);
    expect(parseSince('24h')).toBe(86_400_000);
    expect(parseSince('7d')).toBe(7 * 86_400_000);
    expect(parseSince('2w')).toBe(14 * 86_400_000);
  });

  it('refuses zero, unknown units, junk and more than the 90 days CloudTrail keeps', () => {
    for (const text of ['0d', '7y', 'd7', '7 days', '', '-1d', '91d', '1e3d']) expect(parseSince(text), text).toBeNull();
  });

  it('accepts every preset', () => {
    for (const preset of timePresets) expect(parseSince(preset)).not.toBeNull();
  });
});

describe('rangeFromSince', () => {
  it('ends now and starts that long before', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(rangeFromSince('1h', now)).toEqual({ start: '2026-11-25T11:00:00.000Z', end: '2026-11-25T12:00:00.000Z' });
  });
});
