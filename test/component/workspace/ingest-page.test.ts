import { describe, expect, it } from 'vitest';

import { normalizeEvent } from '../../../shared/records/normalize';
import { flagEvent } from '../../../shared/rules/engine';
import { ingestPage, readPage } from '../../../renderer/features/workspace/ingest-page';

const stop = (i: number, trail: string) =>
  JSON.stringify({ eventID: `stop-${i}`, eventTime: '2026-11-20T10:00:00Z', eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', readOnly: false, requestParameters: { name: trail }, userIdentity: { type: 'IAMUser', userName: 'jmorales' } });
const read = (i: number) => JSON.stringify({ eventID: `get-${i}`, eventTime: '2026-11-20T10:01:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true, userIdentity: { type: 'IAMUser', userName: 'jmorales' } });

describe('ingestPage', () => {
  const raws = [stop(0, 'org-trail'), read(1), stop(2, 'org-trail'), stop(3, 'other-trail'), read(4), '{"truncated": '];
  const page = ingestPage(raws, raws.map(() => 'us-east-1'));

  it('sends each distinct flag once, and each event its flags in order', () => {
    const expected = raws.slice(0, 5).map((raw) => flagEvent(normalizeEvent(raw)));
    const distinct = new Set(expected.flat().map((hit) => JSON.stringify(hit)));
    expect(page.hits.length).toBe(distinct.size);
    const read: unknown[] = [];
    readPage(structuredClone(page), (_fields, flags, i) => (read[i] = flags));
    expect(read).toEqual(expected);
  });

  it('gives events with the same flag one hit object, and unflagged events no hits', () => {
    const flags: Array<readonly unknown[]> = [];
    readPage(page, (_fields, hits, i) => (flags[i] = hits));
    expect(flags[0]!.length).toBeGreaterThan(0);
    expect(flags[2]![0]).toBe(flags[0]![0]);
    expect(flags[3]![0]).not.toBe(flags[0]![0]);
    expect(flags[1]).toEqual([]);
    expect(page.unparsed).toEqual([5]);
  });

  it('sends each distinct text once', () => {
    expect(page.strings.filter((text) => text === 'jmorales')).toHaveLength(1);
    expect(page.strings.filter((text) => text === 'StopLogging')).toHaveLength(1);
  });
});
