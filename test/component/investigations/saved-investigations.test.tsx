import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';

import type { InvestigationSummary, SavedInvestigation } from '../../../shared/api/investigation-contract';
import { emptyFilters } from '../../../shared/filters/filter-state';
import { fetched } from '../workspace/fake-api';
import { fake, useFakeWorkspace } from '../workspace/fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).workspaceBridge);

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useFakeWorkspace();

const query = { profile: 'demo', regions: ['us-east-1'], identity: { kind: 'user' as const, userName: 'alice' }, start: '2026-11-25T00:00:00.000Z', end: '2026-12-02T00:00:00.000Z', followSessions: true };
const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

const caseFile: SavedInvestigation = {
  id: 'case-1',
  kind: 'saved',
  name: 'Case 4711',
  query,
  fetchId: 'f-old',
  filters: emptyFilters,
  selection: ['e0', 'e1'],
  notes: 'escalated',
  sorting: [{ id: 'eventName', desc: false }],
  since: '7d',
  events: 3,
  createdAt: '2026-12-01T21:25:02.000Z',
  updatedAt: '2026-12-01T21:25:02.000Z',
};

function summary(i: number, kind: 'saved' | 'autosave'): InvestigationSummary {
  return { id: `inv-${i}`, kind, name: kind === 'saved' ? `Case ${i}` : `user${i} · last 7 days`, query: { ...query, identity: { kind: 'user', userName: `user${i}` } }, fetchId: `f${i}`, since: '7d', events: i, notes: '', updatedAt: '2026-12-01T10:00:00.000Z', selected: 0 };
}

/** The host holds `caseFile` with its fetch of three events; the start page opens it. */
async function openCaseFile() {
  fake.current!.api.listInvestigations.mockImplementation(() => ok([{ ...caseFile, selected: 2 }]) as never);
  fake.current!.api.getInvestigation.mockImplementation(() => ok(caseFile) as never);
  fake.current!.api.getFetch.mockImplementation(() => ok({ fetchId: 'f-old', query, state: 'done', regions: [{ region: 'us-east-1', state: 'done', pages: 1, events: 3, rateLimitWaits: 0, throttled: 0, waitingOnRateLimit: false, covered: 1, etaSeconds: 0, error: null }], eventCount: 3, startedAt: caseFile.createdAt, updatedAt: caseFile.createdAt, error: null }) as never);
  fake.current!.api.getFetchEvents.mockImplementation(() => ok({ events: [fetched(0), fetched(1), fetched(2)], total: 3 }) as never);
  render(<Workspace initialQuery={null} profile="demo" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Open Case 4711' }));
  await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(3), { timeout: 10_000 });
}

const controls = () => within(screen.getByRole('group', { name: 'Investigation' }));

describe('saved investigations', () => {
  it('are not saved over by the work on them: clearing the selection goes to the autosave until Save', async () => {
    await openCaseFile();
    expect(controls().getByRole('status').textContent).toBe('Saved 21:25:02 UTC: “Case 4711”');
    expect(screen.getByText('2 selected', { selector: '.selection-count' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    await waitFor(() => expect(fake.current!.api.autosaveInvestigation).toHaveBeenCalledWith(expect.objectContaining({ selection: [], fetchId: 'f-old', since: '7d' })), { timeout: 3000 });
    expect(fake.current!.api.saveInvestigation).not.toHaveBeenCalled();
    expect(controls().getByRole('status').textContent).toBe('Unsaved changes (autosaved) to “Case 4711”');
    fireEvent.click(controls().getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.current!.api.saveInvestigation).toHaveBeenCalledWith(expect.objectContaining({ id: 'case-1', name: 'Case 4711', selection: [] })));
  });

  it('keep their sort order, restored on reopening and saved with them', async () => {
    await openCaseFile();
    const header = screen.getAllByRole('columnheader').find((cell) => cell.textContent?.startsWith('Event name'))!;
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(fake.current!.api.autosaveInvestigation).toHaveBeenCalledWith(expect.objectContaining({ sorting: [{ id: 'eventName', desc: true }] })), { timeout: 3000 });
  });

  it('are saved under a name the analyst gives, with notes, and Save as makes another', async () => {
    await openCaseFile();
    fireEvent.click(controls().getByRole('button', { name: 'Save as…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save as a new investigation' });
    const name = within(dialog).getByLabelText('Name');
    expect((name as HTMLInputElement).value).toBe('Case 4711 (copy)');
    fireEvent.change(name, { target: { value: '  ' } });
    expect(within(dialog).getByText('Give the investigation a name.')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(name, { target: { value: 'Case 4712' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.current!.api.saveInvestigation).toHaveBeenCalledWith(expect.not.objectContaining({ id: expect.anything() })));
    expect(fake.current!.api.saveInvestigation).toHaveBeenCalledWith(expect.objectContaining({ name: 'Case 4712', notes: 'escalated', sorting: [{ id: 'eventName', desc: false }] }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('are all listed from the start page, searchable, saved apart from autosaved, and deleted after a confirming click', async () => {
    const all = [...Array.from({ length: 6 }, (_, i) => summary(i, 'saved')), ...Array.from({ length: 13 }, (_, i) => summary(i + 6, 'autosave'))];
    fake.current!.api.listInvestigations.mockImplementation(() => ok(all) as never);
    render(<Workspace initialQuery={null} profile="demo" />);
    fireEvent.click(await screen.findByRole('button', { name: 'All investigations (19)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Investigations' });
    expect(within(within(dialog).getByRole('list', { name: 'Saved' })).getAllByRole('listitem')).toHaveLength(6);
    expect(within(within(dialog).getByRole('list', { name: 'Autosaved' })).getAllByRole('listitem')).toHaveLength(13);
    expect(within(dialog).getByText(/user3 · profile demo · last 7 days · 1 region · 3 events · 0 selected · updated 2026-12-01 10:00 UTC/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Search investigations'), { target: { value: 'USER1' } });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual(['Case 1', 'user10 · last 7 days', 'user11 · last 7 days', 'user12 · last 7 days', 'user13 · last 7 days', 'user14 · last 7 days', 'user15 · last 7 days', 'user16 · last 7 days', 'user17 · last 7 days', 'user18 · last 7 days']);
    fireEvent.change(within(dialog).getByLabelText('Search investigations'), { target: { value: 'case 1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete Case 1…' }));
    expect(fake.current!.api.deleteInvestigation).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete Case 1 for good' }));
    expect(fake.current!.api.deleteInvestigation).toHaveBeenCalledWith({ id: 'inv-1' });
  });

  it('keeps no autosave of a fetch without events', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    onTestFinished(() => void vi.useRealTimers());
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalled());
    act(() => fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'done', error: null }));
    await screen.findByText('Done');
    // Well past the autosave's delay (1 s), and a page hidden: still nothing is kept.
    await act(async () => {
      vi.advanceTimersByTime(10_000);
      window.dispatchEvent(new Event('pagehide'));
      await Promise.resolve();
    });
    expect(fake.current!.api.autosaveInvestigation).not.toHaveBeenCalled();
    expect(fake.current!.api.saveInvestigation).not.toHaveBeenCalled();
  });
});

describe('an export', () => {
  it('says how many events went to which file', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalled());
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(await screen.findByText(/^Exported 1 event to trailcase-alice-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.json \(your downloads\)$/)).toBeTruthy();
  });
});
