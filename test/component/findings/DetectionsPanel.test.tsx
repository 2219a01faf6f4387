import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The machine is shared and slow: wait longer for what the page will show (never for a fixed time).
configure({ asyncUtilTimeout: 10_000 });

import { useScreenSizedLayout } from '../events/table-env';
import { createFakeApi, fetched } from '../workspace/fake-api';
import { analysisOf, findingOf, sourceOf } from './analysis-fixture';

type FakeApi = ReturnType<typeof createFakeApi> & { api: { analyzeFetch: ReturnType<typeof vi.fn> } };
const fake = vi.hoisted(() => ({ current: null as FakeApi | null }));
vi.mock('../../../renderer/api/bridge', () => ({
  hostKind: 'web',
  get api() {
    return fake.current!.api;
  },
}));

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

const analysis = analysisOf({
  // Sent least severe first: the panel orders them.
  findings: [
    findingOf({ kind: 'tor-exit', severity: 'high', title: 'Calls through Tor', eventIDs: ['e1', 'e3'], attack: ['T1090.003'] }),
    findingOf({
      kind: 'pentest-tool',
      severity: 'critical',
      title: 'Kali Linux in the user agent',
      eventIDs: ['e0'],
      summaryParts: [{ text: 'A call named ' }, { value: '<img src=x onerror=alert(1)>' }, { text: ' in its agent.' }],
    }),
  ],
  sources: [sourceOf({ ip: '203.0.113.7', events: 4, country: 'DE', asn: 60729, asOrg: 'Example Org' })],
});

useScreenSizedLayout();
beforeEach(() => {
  const base = createFakeApi();
  fake.current = { ...base, api: { ...base.api, analyzeFetch: vi.fn(() => Promise.resolve({ ok: true as const, data: analysis })) } };
  localStorage.clear();
});
afterEach(cleanup);

async function fetchFourEvents(state: 'running' | 'done') {
  render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
  fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
  await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalled());
  act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0), fetched(1), fetched(2), fetched(3)] }));
  await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(4));
  if (state === 'done') act(() => fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'done', error: null }));
}

const findingButtons = () => within(screen.getByRole('list', { name: 'Findings' })).getAllByRole('button', { pressed: false });

describe('the "What stands out" panel', () => {
  it('waits for the fetch to finish before asking the host for the analysis', async () => {
    await fetchFourEvents('running');
    expect(screen.getByText('Findings appear when the fetch finishes.')).toBeTruthy();
    expect(fake.current!.api.analyzeFetch).not.toHaveBeenCalled();
  });

  it('shows the findings most severe first once the fetch is done', async () => {
    await fetchFourEvents('done');
    await screen.findByRole('list', { name: 'Findings' });
    expect(fake.current!.api.analyzeFetch).toHaveBeenCalledWith({ fetchId: 'f1' });
    const titles = [...screen.getByRole('list', { name: 'Findings' }).querySelectorAll('.finding-title')].map((node) => node.textContent);
    expect(titles).toEqual(['Kali Linux in the user agent', 'Calls through Tor']);
  });

  it("filters the table to a finding's events on a click, and back on a second click", async () => {
    await fetchFourEvents('done');
    await screen.findByRole('list', { name: 'Findings' });
    fireEvent.click(screen.getByRole('button', { name: /high tor exit: Calls through Tor, 2 events/ }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));
    expect(screen.getByText(/Finding = Calls through Tor/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Calls through Tor, 2 events/, pressed: true }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(4));
    expect(findingButtons()).toHaveLength(2);
  });

  it('shows values from records as text, never as markup', async () => {
    await fetchFourEvents('done');
    const list = await screen.findByRole('list', { name: 'Findings' });
    expect(list.querySelector('img')).toBeNull();
    expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it("shows the address's enrichment in the Country / ASN column once the analysis arrives", async () => {
    await fetchFourEvents('done');
    await screen.findByRole('list', { name: 'Findings' });
    await waitFor(() => expect(screen.getAllByTestId('event-row')[0]!.textContent).toContain('DE · AS60729 Example Org'));
  });

  it('holds only its two tabs in the tab list, one tab stop, and the arrow keys move between them (WAI-ARIA tabs)', async () => {
    await fetchFourEvents('done');
    await screen.findByRole('list', { name: 'Findings' });
    const tablist = screen.getByRole('tablist', { name: 'Detections' });
    expect([...tablist.children].map((child) => child.getAttribute('role'))).toEqual(['tab', 'tab']);
    const [findingsTab, sourcesTab] = within(tablist).getAllByRole('tab');
    expect([findingsTab!.tabIndex, sourcesTab!.tabIndex]).toEqual([0, -1]);
    expect(screen.getByRole('tabpanel', { name: /^What stands out/ })).toBeTruthy();
    fireEvent.keyDown(findingsTab!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(sourcesTab);
    expect(sourcesTab!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: /^Sources/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Source addresses' })).toBeTruthy();
    fireEvent.keyDown(sourcesTab!, { key: 'Home' });
    expect(document.activeElement).toBe(findingsTab);
    expect(screen.getByRole('list', { name: 'Findings' })).toBeTruthy();
  });

  it('hides its lists on Hide, and stays hidden the next time', async () => {
    await fetchFourEvents('done');
    await screen.findByRole('list', { name: 'Findings' });
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByRole('list', { name: 'Findings' })).toBeNull();
    cleanup();
    await fetchFourEvents('done');
    expect(await screen.findByRole('button', { name: 'Show' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Findings' })).toBeNull();
  });

  it('says the analysis failed, and the table stays', async () => {
    fake.current!.api.analyzeFetch.mockImplementation(() => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'disk <b>gone</b>' } }));
    await fetchFourEvents('done');
    expect((await screen.findByRole('alert')).textContent).toContain('The analysis failed: disk <b>gone</b>');
    expect(screen.getAllByTestId('event-row')).toHaveLength(4);
  });
});
