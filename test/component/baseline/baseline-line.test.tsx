import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The machine is shared and slow: wait longer for what the page will show (never for a fixed time).
configure({ asyncUtilTimeout: 10_000 });

import { useScreenSizedLayout } from '../events/table-env';
import { analysisOf } from '../findings/analysis-fixture';
import { createFakeApi, fetched } from '../workspace/fake-api';

type FakeApi = ReturnType<typeof createFakeApi> & { api: { analyzeFetch: ReturnType<typeof vi.fn> } };
const fake = vi.hoisted(() => ({ current: null as FakeApi | null }));
vi.mock('../../../renderer/api/bridge', () => ({
  hostKind: 'web',
  get api() {
    return fake.current!.api;
  },
}));

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useScreenSizedLayout();
beforeEach(() => {
  const base = createFakeApi();
  const analyzeFetch = vi.fn((input: { fetchId: string }) => Promise.resolve({ ok: true as const, data: { ...analysisOf({}), fetchId: input.fetchId } }));
  const current: FakeApi = { ...base, api: { ...base.api, analyzeFetch } };
  // The account's regions are not read here (the link names the region); a fake without the method gets one.
  if (!('listRegions' in current.api)) {
    Object.assign(current.api, { listRegions: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'INTERNAL', message: 'not in this test' } })) });
  }
  // The investigation's fetch is f1; the baseline's, started once f1 is done, is b1.
  current.api.startFetch.mockImplementationOnce(() => Promise.resolve({ ok: true as const, data: { fetchId: 'f1' } }));
  current.api.startFetch.mockImplementationOnce(() => Promise.resolve({ ok: true as const, data: { fetchId: 'b1' } }));
  fake.current = current;
  localStorage.clear();
});
afterEach(cleanup);

async function fetchUntilDone() {
  render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
  return async () => {
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1));
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0), fetched(1)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));
    act(() => fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'done', error: null }));
  };
}

describe('the baseline of an investigation', () => {
  it('is on by default: once the range is fetched, fetches the 90 days before it, says how much, and analyses with it', async () => {
    const go = await fetchUntilDone();
    expect((screen.getByLabelText('Baseline (90 days before)') as HTMLInputElement).checked).toBe(true);
    await go();
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(2));
    const [first] = fake.current!.api.startFetch.mock.calls[0] as unknown as [{ start: string; end: string; identity: unknown }];
    const [second] = fake.current!.api.startFetch.mock.calls[1] as unknown as [{ start: string; end: string; identity: unknown }];
    expect(second.end).toBe(new Date(first.start).toISOString());
    expect(second.identity).toEqual(first.identity);
    expect(Date.parse(second.end) - Date.parse(second.start)).toBeGreaterThan(88 * 86_400_000);
    await waitFor(() => expect(screen.getByTestId('baseline-line').textContent).toMatch(/^baseline: fetching (89|90) days before the range… 0 events so far/));
    act(() => {
      fake.current!.push({ type: 'fetch.progress', fetchId: 'b1', regions: [], eventCount: 12_408 });
      fake.current!.push({ type: 'fetch.state', fetchId: 'b1', state: 'done', error: null });
    });
    await waitFor(() => expect(screen.getByTestId('baseline-line').textContent).toMatch(/^baseline: (89|90) days, 12,408 events$/));
    await waitFor(() => expect(fake.current!.api.analyzeFetch).toHaveBeenCalledWith({ fetchId: 'f1', baselineFetchId: 'b1' }));
  });

  it('warns when the history is under 14 days', async () => {
    fake.current!.api.analyzeFetch.mockImplementation((input: { fetchId: string }) =>
      Promise.resolve({ ok: true as const, data: { ...analysisOf({}), fetchId: input.fetchId, baseline: { start: new Date(Date.now() - 5 * 86_400_000).toISOString(), end: new Date().toISOString(), events: 40 } } }),
    );
    const go = await fetchUntilDone();
    await go();
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(2));
    act(() => {
      fake.current!.push({ type: 'fetch.progress', fetchId: 'b1', regions: [], eventCount: 40 });
      fake.current!.push({ type: 'fetch.state', fetchId: 'b1', state: 'done', error: null });
    });
    await waitFor(() => expect(screen.getByTestId('baseline-line').textContent).toContain('days back)Under 14 days of history'));
  });

  it('fetches no baseline with the switch off, and says so', async () => {
    const go = await fetchUntilDone();
    fireEvent.click(screen.getByLabelText('Baseline (90 days before)'));
    await go();
    await waitFor(() => expect(screen.getByTestId('baseline-line').textContent).toBe('baseline: offWithout a baseline nothing is marked routine or new.'));
    expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(fake.current!.api.analyzeFetch).toHaveBeenCalledWith({ fetchId: 'f1' }));
  });
});
