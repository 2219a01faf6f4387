import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { csvColumns, neutraliseFormula, toCsv } from '../../../shared/export/csv';
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

  it.each([
    [';=1+1;', ";'=1+1;"],
    ['a,=1+1', "a,'=1+1"],
    ['a|@SUM(A1)', "a|'@SUM(A1)"],
    ['a\t-1', "a\t'-1"],
    ['a; +1', "a; '+1"],
    ['  =1+1', "  '=1+1"],
    ['a;b;=1;=2', "a;b;'=1;'=2"],
    ['\t=1', "'\t'=1"],
  ])('neutralises a formula start after a separator too: %j', (cell, safe) => {
    expect(neutraliseFormula(cell)).toBe(safe);
  });

  it('leaves ordinary cells alone, dashes and signs inside words included', () => {
    expect(neutraliseFormula('aws-cli/2.15')).toBe('aws-cli/2.15');
    expect(neutraliseFormula('arn:aws:iam::111122223333:user/a-b, c+d')).toBe('arn:aws:iam::111122223333:user/a-b, c+d');
  });

  it('writes the header and one neutralised row per event, every data cell quoted', () => {
    const csv = toCsv([normalizeEvent(earlier), normalizeEvent(later)], flagEvent);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(csvColumns.join(','));
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    const quotedCell = '"(?:[^"]|"")*"';
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`^${quotedCell}(?:,${quotedCell}){${csvColumns.length - 1}}$`));
  });

  it('reads back with a CSV reader as the neutralised cells, one record per event', () => {
    const hostile = { ...earlier, userAgent: ';=1+1;', errorMessage: 'a\nb\r\nc', eventName: 'x,"y"|@z' };
    const rows = parse(toCsv([normalizeEvent(hostile), normalizeEvent(later)], flagEvent), { relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...csvColumns]);
    const cell = (name: (typeof csvColumns)[number]) => rows[1]![csvColumns.indexOf(name)];
    expect(cell('userAgent')).toBe(";'=1+1;");
    expect(cell('eventName')).toBe(`x,"y"|'@z`);
    expect(cell('errorMessage')).toBe('a⟨U+000A⟩b⟨U+000D⟩⟨U+000A⟩c');
  });

  it('splits into no formula cell for a spreadsheet that splits on ; , | or tab and ignores quotes', () => {
    const payloads = [';=1+1;', ',=cmd|"/c calc"!A0', '|+1', '\t@SUM(1)', 'x; -2+3'];
    const csv = toCsv(payloads.map((userAgent, i) => normalizeEvent({ ...earlier, eventID: `p${i}`, userAgent })), () => []);
    const naiveCells = csv.split(/\r\n/).flatMap((line) => line.split(/[,;|\t]/)).map((cell) => cell.replace(/^"|"$/g, '').trimStart());
    expect(naiveCells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('shows control characters in cells as markers: no raw C0 or C1 byte but the CRLF line ends', () => {
    const csv = toCsv([normalizeEvent({ ...earlier, userAgent: '\u001b]52;c;ZXZpbA==\u0007\u009b31m\u0000' })], () => []);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(csv).toContain('⟨U+001B⟩]52;c;ZXZpbA==⟨U+0007⟩⟨U+009B⟩31m⟨U+0000⟩');
  });
});
