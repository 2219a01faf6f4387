import { describe, expect, it } from 'vitest';

import { fillSearchBits, pairWords } from '../../../shared/filters/search-pairs';
import { charMask } from '../../../shared/filters/search-text';
import { topSeverity } from '../../../shared/rules/engine';
import { ingest } from '../../../renderer/features/workspace/event-buffer';
import { WorkspaceEvent } from '../../../renderer/features/workspace/workspace-event';
import { flagSeverity } from '../../../renderer/features/timeline/flag-severity';

const raw = (fields: Record<string, unknown>) => JSON.stringify({ eventTime: '2026-11-20T10:00:00Z', userIdentity: { type: 'IAMUser', userName: 'jmorales' }, ...fields });

describe('WorkspaceEvent', () => {
  const stop = ingest({ eventId: 'stop', region: 'us-east-1', raw: raw({ eventID: 'stop', eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', errorCode: 'AccessDenied', requestParameters: { name: 'org-trail' } }) });
  const plain = ingest({ eventId: 'get', region: 'us-east-1', raw: raw({ eventID: 'get', eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true }) });

  it('keeps the highest severity of its flags, which the timeline reads', () => {
    expect(stop).toBeInstanceOf(WorkspaceEvent);
    const event = stop as WorkspaceEvent;
    expect(event.flags.length).toBeGreaterThan(0);
    expect(event.severity).toBe(topSeverity(event.flags));
    expect(flagSeverity(event)).toBe(event.severity);
    expect((plain as WorkspaceEvent).severity).toBeNull();
    expect(flagSeverity(plain)).toBeNull();
  });

  it('prepares its search text, its charMask and its pairs together', () => {
    const event = stop as WorkspaceEvent;
    const expected = new Uint32Array(pairWords);
    fillSearchBits(event.searchText, expected);
    expect(Array.from(event.searchPairs)).toEqual(Array.from(expected));
    expect(event.searchMask).toBe(charMask(event.searchText));
    expect(event.searchText).toContain('stoplogging');
  });
});
