import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { NormalizedEvent } from '../../../shared/records/types';
import { FetchProgress } from '../../../renderer/features/workspace/FetchProgress';
import type { FetchSession } from '../../../renderer/features/workspace/useFetchSession';

afterEach(cleanup);

const region = { region: 'us-east-1', state: 'done' as const, pages: 1, events: 1, rateLimitWaits: 1, throttled: 0, waitingOnRateLimit: false, covered: 1, etaSeconds: 0, error: null };

function session(shown: number, eventCount: number): FetchSession {
  const events = Array.from({ length: shown }, (_, i) => ({ id: `e${i}` }) as NormalizedEvent);
  return { fetchId: 'f1', query: null, state: 'done', regions: [region], eventCount, error: null, events };
}

describe('the fetch progress', () => {
  it('says Done only once the last page the host sent is on screen', () => {
    const { rerender } = render(<FetchProgress session={session(1, 2)} onCancel={() => {}} onResume={() => {}} />);
    expect(screen.getByRole('status').textContent).toContain('Receiving the last pages…');
    expect(screen.queryByText('Done')).toBeNull();
    rerender(<FetchProgress session={session(2, 2)} onCancel={() => {}} onResume={() => {}} />);
    expect(screen.getByText('Done')).toBeTruthy();
  });

  it('counts in the singular for one event, page and wait', () => {
    render(<FetchProgress session={session(1, 1)} onCancel={() => {}} onResume={() => {}} />);
    expect(screen.getByRole('status').textContent).toContain('1 event received');
    expect(screen.getByLabelText('us-east-1: done').textContent).toContain('1 event · 1 page · 1 rate-limit wait');
  });
});
