import { describe, expect, it } from 'vitest';

import { buildSearchText, rawParametersText, searchTextOf } from '../../../shared/filters/search-text';
import { normalizeEvent } from '../../../shared/records/normalize';

describe('rawParametersText', () => {
  it('reads the request parameters as JSON.stringify gives them back, and stops at their end', () => {
    const record = { eventID: 'e1', eventName: 'PutObject', requestParameters: { bucketName: 'b', key: 'a,"}b', nested: [{ x: 1 }] }, responseElements: { ok: true } };
    const raw = JSON.stringify(record);
    expect(rawParametersText(raw)).toBe(JSON.stringify(record.requestParameters));
  });

  it('reads null parameters as null, and none as nothing', () => {
    expect(rawParametersText('{"requestParameters":null,"responseElements":{"a":1}}')).toBe('null');
    expect(rawParametersText('{"eventName":"X"}')).toBe('');
  });

  it('gives the same search text as the parsed record for CloudTrail’s compact JSON', () => {
    const raw = JSON.stringify({ eventID: 'e2', eventName: 'CreateAccessKey', eventSource: 'iam.amazonaws.com', requestParameters: { userName: 'Mallory' } });
    const event = normalizeEvent(raw);
    expect(buildSearchText(event, rawParametersText(raw))).toBe(searchTextOf(event));
  });
});
