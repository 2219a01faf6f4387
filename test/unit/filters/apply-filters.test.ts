import { describe, expect, it } from 'vitest';

import { applyFilters } from '../../../shared/filters/apply-filters';
import { addChip, emptyFilters, FilterState, isFiltering, removeChip } from '../../../shared/filters/filter-state';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord } from '../../../shared/records/types';
import { flagEvent } from '../../../shared/rules/engine';

const t0 = Date.parse('2026-11-20T00:00:00Z');

function event(id: string, fields: Partial<CloudTrailRecord>) {
  return normalizeEvent({ eventID: id, eventTime: new Date(t0).toISOString(), eventSource: 's3.amazonaws.com', eventName: 'GetObject', awsRegion: 'us-east-1', readOnly: true, ...fields });
}

const events = [
  event('read-east', {}),
  event('write-west', { eventName: 'PutObject', readOnly: false, awsRegion: 'eu-west-1' }),
  event('denied', { eventName: 'PutObject', readOnly: false, errorCode: 'AccessDenied', sourceIPAddress: '198.51.100.9' }),
  event('stop', { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', readOnly: false, eventTime: new Date(t0 + 60_000).toISOString(), requestParameters: { name: 'Main-Trail' } }),
];

function ids(state: FilterState): string[] {
  return applyFilters(events, state, flagEvent).map((e) => e.id);
}

describe('filters', () => {
  it('keep everything when empty', () => {
    expect(ids(emptyFilters)).toHaveLength(4);
    expect(isFiltering(emptyFilters)).toBe(false);
  });

  it('combine chips on different fields with AND', () => {
    const state = addChip(addChip(emptyFilters, { field: 'eventName', value: 'PutObject', exclude: false }), { field: 'region', value: 'us-east-1', exclude: false });
    expect(ids(state)).toEqual(['denied']);
  });

  it('read chips on the same field as any of their values', () => {
    const state = addChip(addChip(emptyFilters, { field: 'region', value: 'eu-west-1', exclude: false }), { field: 'eventName', value: 'GetObject', exclude: false });
    expect(ids(addChip(state, { field: 'eventName', value: 'PutObject', exclude: false }))).toEqual(['write-west']);
  });

  it('drop events an exclusion chip names', () => {
    expect(ids(addChip(emptyFilters, { field: 'eventName', value: 'PutObject', exclude: true }))).toEqual(['read-east', 'stop']);
  });

  it('add the same chip only once, and remove chips by position', () => {
    const chip = { field: 'region', value: 'eu-west-1', exclude: false } as const;
    const state = addChip(addChip(emptyFilters, chip), chip);
    expect(state.chips).toHaveLength(1);
    expect(removeChip(state, 0).chips).toEqual([]);
  });

  it('search every named field and the request parameters, case-insensitively, all words', () => {
    expect(ids({ ...emptyFilters, search: 'main-trail' })).toEqual(['stop']);
    expect(ids({ ...emptyFilters, search: '198.51 putobject' })).toEqual(['denied']);
    expect(ids({ ...emptyFilters, search: 'nothing-like-this' })).toEqual([]);
  });

  it('toggle reads or writes', () => {
    expect(ids({ ...emptyFilters, readWrite: 'read' })).toEqual(['read-east']);
    expect(ids({ ...emptyFilters, readWrite: 'write' })).toEqual(['write-west', 'denied', 'stop']);
  });

  it('keep errors only, or flagged only', () => {
    expect(ids({ ...emptyFilters, errorsOnly: true })).toEqual(['denied']);
    expect(ids({ ...emptyFilters, flaggedOnly: true })).toEqual(['denied', 'stop']);
  });

  it('filter by rule and severity through the flags', () => {
    expect(ids(addChip(emptyFilters, { field: 'ruleId', value: 'TC-LOG-001', exclude: false }))).toEqual(['stop']);
    expect(ids(addChip(emptyFilters, { field: 'severity', value: 'critical', exclude: false }))).toEqual(['stop']);
  });

  it('keep a time range, ends included', () => {
    expect(ids({ ...emptyFilters, timeRange: { start: t0 + 1, end: t0 + 60_000 } })).toEqual(['stop']);
  });

  it('parse a saved state and refuse unknown fields', () => {
    expect(FilterState.parse({ search: 'x' })).toEqual({ ...emptyFilters, search: 'x' });
    expect(FilterState.safeParse({ chips: [{ field: '__proto__', value: 'x' }] }).success).toBe(false);
  });
});
