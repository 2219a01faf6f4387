import type { SortingState } from '@tanstack/react-table';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { cellText } from '../../../shared/display/cell-text';
import { visibleText } from '../../../shared/display/visible-text';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';
import { columnTitles, defaultColumnOrder } from '../../../renderer/features/events/columns';
import { EventTable } from '../../../renderer/features/events/EventTable';
import { EventDetail } from '../../../renderer/features/detail/EventDetail';
import { hostileStrings } from '../../fixtures/hostile/corpus';
import { useScreenSizedLayout } from './table-env';

/**
 * Promise 8 in every column of the event table and in the detail panel: each hostile string of
 * the corpus, placed in every field a column shows, creates no element (the page's elements are
 * exactly those of the same table with harmless text), runs nothing, and reads literally, with
 * hidden characters made visible, in the cell that shows it.
 */
useScreenSizedLayout();
afterEach(cleanup);

/** A record with `payload` in every field the table and the detail show. */
function recordWith(payload: string): Record<string, unknown> {
  return {
    eventID: 'e-hostile',
    eventTime: '2026-11-20T10:00:00Z',
    eventName: payload,
    eventSource: payload,
    awsRegion: payload,
    sourceIPAddress: payload,
    userAgent: payload,
    userIdentity: { type: 'IAMUser', userName: payload, arn: `arn:aws:iam::111122223333:user/${payload}`, accessKeyId: 'AKIAHOSTILE000000001' },
    resources: [{ ARN: payload, type: 'AWS::IAM::User' }],
    errorCode: payload,
    errorMessage: payload,
    requestParameters: { userName: payload, [payload]: payload, nested: { tags: [{ key: payload, value: payload }] } },
    responseElements: { note: payload },
  };
}

/** A StopLogging record (the rule pack flags it) whose trail name, quoted in the reason, is hostile. */
function flaggedWith(payload: string): Record<string, unknown> {
  const { errorCode: _code, errorMessage: _message, ...succeeded } = recordWith(payload);
  return { ...succeeded, eventName: 'StopLogging', eventSource: 'cloudtrail.amazonaws.com', requestParameters: { name: payload } };
}

/** The columns that show a field of the record, and the field's text as the cell must read. */
const shownAs: Record<string, (payload: string) => string> = {
  eventName: (payload) => payload,
  service: (payload) => payload,
  region: (payload) => payload,
  sourceIPAddress: (payload) => payload,
  userAgent: (payload) => payload,
  identity: (payload) => payload,
  resources: (payload) => payload,
  error: (payload) => payload,
};

function table(events: NormalizedEvent[]) {
  const sorting: SortingState = [{ id: 'time', desc: true }];
  return render(
    <EventTable events={events} sorting={sorting} onSortingChange={() => {}} prefs={{ order: defaultColumnOrder, hidden: [] }} selection={new Set()} onSelectionChange={() => {}} activeId={null} onOpen={() => {}} />,
  );
}

/** Every element's tag, in document order: markup from data would add or change some. */
const tagsOf = (root: Element) => [...root.querySelectorAll('*')].map((element) => element.localName);

/** Raw hidden characters (bidi, zero-width, C0/C1, lone surrogates) in text or any attribute. */
function rawHiddenCharacters(root: Element): string[] {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const pattern = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const found: string[] = [];
  if (pattern.test(root.textContent ?? '')) found.push('text');
  for (const element of root.querySelectorAll('*'))
    for (const name of element.getAttributeNames()) if (pattern.test(element.getAttribute(name) ?? '')) found.push(`${element.localName}[${name}]`);
  return found;
}

const harmless = 'harmless-text';
const payloads = Object.entries(hostileStrings);

describe('hostile text in every column of the event table', () => {
  it.each(payloads)('%s creates no element and reads literally in each column', (_name, payload) => {
    const { container: calm } = table([normalizeEvent(recordWith(harmless)), normalizeEvent({ ...flaggedWith(harmless), eventID: 'e-flag' })]);
    const expectedTags = tagsOf(calm);
    cleanup();

    const { container } = table([normalizeEvent(recordWith(payload)), normalizeEvent({ ...flaggedWith(payload), eventID: 'e-flag' })]);
    expect(tagsOf(container)).toEqual(expectedTags);
    expect(container.querySelectorAll('[onerror], [onload], a[href], script, iframe, object, embed, img')).toHaveLength(0);
    expect(rawHiddenCharacters(container)).toEqual([]);
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();

    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent ?? '');
    const row = screen.getAllByTestId('event-row').find((candidate) => !candidate.textContent?.includes('StopLogging'))!;
    const cells = within(row).getAllByRole('gridcell');
    for (const [column, expected] of Object.entries(shownAs)) {
      const index = headers.findIndex((header) => header.includes(columnTitles[column]!));
      expect(index, column).toBeGreaterThan(-1);
      expect({ column, text: cells[index]!.textContent }).toEqual({ column, text: expect.stringContaining(cellText(expected(payload))) });
    }
    const flagged = screen.getAllByTestId('event-row').find((candidate) => candidate.textContent?.includes('StopLogging'))!;
    const flagCell = within(flagged).getAllByRole('gridcell')[headers.findIndex((header) => header.includes(columnTitles.flag!))]!;
    expect(flagCell.textContent).toMatch(/logging stopped/);
    expect(flagCell.querySelector('[title]')!.getAttribute('title')).toContain(visibleText(payload));
  });
});

describe('hostile text in the detail panel', () => {
  it.each(payloads)('%s creates no element and reads literally', (_name, payload) => {
    const { container: calm } = render(<EventDetail event={normalizeEvent(recordWith(harmless))} onClose={() => {}} />);
    const expectedTags = tagsOf(calm);
    cleanup();

    const { container } = render(<EventDetail event={normalizeEvent(recordWith(payload))} onClose={() => {}} />);
    expect(tagsOf(container)).toEqual(expectedTags);
    expect(container.querySelectorAll('[onerror], [onload], a[href], script, iframe, object, embed, img')).toHaveLength(0);
    expect(rawHiddenCharacters(container)).toEqual([]);
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
    const detail = screen.getByTestId('event-detail');
    expect(detail.querySelector('h2')!.textContent).toBe(visibleText(payload));
    expect(detail.textContent).toContain(visibleText(payload));
  });
});
