import { describe, expect, it } from 'vitest';

import { neutraliseFormula, toCsv } from '../../../shared/export/csv';
import { toRecordsJson } from '../../../shared/export/records-json';
import { normalizeEvent } from '../../../shared/records/normalize';
import { flagEvent } from '../../../shared/rules/engine';

const later = '{"eventID":"b","eventTime":"2026-11-20T10:00:00Z","eventName":"GetObject","bigNumber":12345678901234567890}';
const earlier = { eventID: 'a', eventTime: '2026-11-20T09:00:00Z', eventName: 'PutObject', userAgent: '=HYPERLINK("http://evil.test","x")' };

describe('records JSON export', () => {
  it('writes {"Records":[...]} by eventTime ascending, each eventID once', () => {
    const events = [normalizeEvent(later), normalizeEvent(earlier), normalizeEvent(later)];
    const parsed = JSON.parse(toRecordsJson(events).json) as { Records: Array<{ eventID: string }> };
    expect(parsed.Records.map((r) => r.eventID)).toEqual(['a', 'b']);
  });

  it('keeps the raw text AWS sent, every digit included', () => {
    expect(toRecordsJson([normalizeEvent(later)]).json).toContain('12345678901234567890');
  });

  it('leaves unparseable records out and counts them', () => {
    const result = toRecordsJson([normalizeEvent('{truncated'), normalizeEvent(earlier)]);
    expect([result.count, result.skipped]).toEqual([1, 1]);
  });
});

describe('CSV export', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('neutralises a cell starting with %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary cells alone', () => {
    expect(neutraliseFormula('aws-cli/2.15')).toBe('aws-cli/2.15');
  });

  it('writes a header and one neutralised row per event', () => {
    const csv = toCsv([normalizeEvent(earlier)], flagEvent);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^eventTime,eventName,/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
  });

  it('quotes a cell with a line break so it stays one row', () => {
    const csv = toCsv([normalizeEvent({ ...earlier, userAgent: 'a\nb' })], flagEvent);
    expect(csv).toContain('"a\nb"');
  });
});
