import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { CompareView } from '../../../renderer/features/detail/CompareView';
import { EventDetail } from '../../../renderer/features/detail/EventDetail';
import { normalizeEvent } from '../../../shared/records/normalize';

afterEach(cleanup);

const base = {
  eventID: 'e1',
  eventTime: '2026-11-20T10:00:00Z',
  eventSource: 'iam.amazonaws.com',
  eventName: 'AttachUserPolicy',
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.7',
  userIdentity: { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::1:user/alice' },
  requestParameters: { userName: 'mallory', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
};

function renderDetail(record: object | string) {
  return render(<EventDetail event={normalizeEvent(record as string)} onClose={() => {}} />);
}

describe('EventDetail', () => {
  it('says who did what, when, where and with what result', () => {
    renderDetail(base);
    const detail = screen.getByTestId('event-detail');
    expect(detail.textContent).toContain('alice (IAMUser)');
    expect(detail.textContent).toContain('AttachUserPolicy on iam.amazonaws.com');
    expect(detail.textContent).toContain('2026-11-20 10:00:00 UTC');
    expect(detail.textContent).toContain('Succeeded');
  });

  it('shows why the event is flagged', () => {
    renderDetail(base);
    expect(screen.getByLabelText('Why this event is flagged').textContent).toContain('AdministratorAccess attached');
  });

  it('says response elements were omitted by CloudTrail instead of showing nothing', () => {
    renderDetail({ ...base, responseElements: null });
    expect(screen.getByText('omitted by CloudTrail')).toBeTruthy();
  });

  it('shows an unparseable record raw with a badge', () => {
    renderDetail('{"eventName": "StopLogging", <script>');
    expect(screen.getByText('unparseable record')).toBeTruthy();
    expect(screen.getByTestId('event-detail').textContent).toContain('{"eventName": "StopLogging", <script>');
    expect(document.querySelector('script')).toBeNull();
  });

  it('stays responsive on deeply nested parameters and leaves prototypes alone', () => {
    let nested = '"bottom"';
    for (let i = 0; i < 5000; i++) nested = `{"a":${nested}}`;
    const raw = `{"eventID":"deep","eventName":"X","requestParameters":{"__proto__":{"polluted":1},"deep":${nested}}}`;
    const started = performance.now();
    renderDetail(raw);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(screen.getByTestId('event-detail').textContent).toContain('Raw record');
    // Pretty-printed, 5,000 levels of indentation would be megabytes of spaces: shown as sent.
    expect(screen.getByTestId('event-detail').querySelector('pre.raw-json')!.textContent!.length).toBeLessThan(2 * raw.length);
  });

  it('cuts a 200 KB value in the facts (laid out whole, it froze Chromium) and keeps it whole in the raw record', () => {
    const huge = 'A'.repeat(200 * 1024);
    renderDetail({ ...base, userAgent: huge, errorCode: 'AccessDenied', errorMessage: huge });
    const facts = [...screen.getByTestId('event-detail').querySelectorAll('dl.facts dd')].map((dd) => dd.textContent ?? '');
    expect(Math.max(...facts.map((text) => text.length))).toBeLessThanOrEqual(2001);
    expect(facts.find((text) => text.includes(' using '))).toMatch(/A…$/);
    expect(screen.getByTestId('event-detail').querySelector('pre.raw-json')!.textContent).toContain(huge);
  });

  it('makes bidi overrides in values visible', () => {
    renderDetail({ ...base, userAgent: 'cli\u202Eexe.txt' });
    expect(screen.getByTestId('event-detail').textContent).toContain('cli⟨U+202E⟩exe.txt');
  });
});

describe('CompareView', () => {
  it('puts events side by side and highlights the fields that differ', () => {
    const a = normalizeEvent(base);
    const b = normalizeEvent({ ...base, eventID: 'e2', requestParameters: { ...base.requestParameters, userName: 'bob' } });
    render(<CompareView events={[a, b]} onClose={() => {}} />);
    const row = screen.getByRole('rowheader', { name: 'requestParameters.userName' }).closest('tr')!;
    expect(row.className).toBe('differs');
    expect(screen.getByRole('rowheader', { name: 'eventName' }).closest('tr')!.className).toBe('');
    fireEvent.click(screen.getByLabelText('Only differences'));
    expect(screen.queryByRole('rowheader', { name: 'eventName' })).toBeNull();
  });
});
