import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { fetched } from '../workspace/fake-api';
import { fake, useFakeWorkspace } from '../workspace/fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).workspaceBridge);

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useFakeWorkspace();

/** Fetches alice from a source picked in the form, streams two events, and opens the first. */
async function investigateAlice(pick: () => void) {
  render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
  pick();
  fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
  await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1));
  act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0), fetched(1)] }));
  await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));
  fireEvent.click(screen.getAllByTestId('event-row')[0]!);
  fireEvent.keyDown(screen.getByTestId('event-detail').querySelector('.who-else-trigger')!, { key: 'Enter' });
}

const pickFiles = () => {
  fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'files' } });
  fireEvent.change(screen.getByLabelText('Folder or file'), { target: { value: '/cases/4711' } });
};

const pickAthena = () => {
  fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'athena' } });
  fireEvent.change(screen.getByLabelText('Database.table'), { target: { value: 'security.cloudtrail_logs' } });
};

describe('a pivot from the workspace', () => {
  it('on log files, cancels the fetch still running (kept) and fetches everyone from the address over the same range', async () => {
    await investigateAlice(pickFiles);
    const first = fake.current!.api.startFetch.mock.calls[0] as unknown as [{ start: string; end: string }];
    fireEvent.click(screen.getByRole('menuitem', { name: 'Who else used 203.0.113.7' }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(2));
    expect(fake.current!.api.cancelFetch).toHaveBeenCalledWith({ fetchId: 'f1' });
    // alice's work was autosaved before the pivot replaced it, though its autosave's moment had not come.
    expect(fake.current!.api.autosaveInvestigation).toHaveBeenCalledWith(expect.objectContaining({ query: expect.objectContaining({ identity: { kind: 'user', userName: 'alice' } }) }));
    expect(fake.current!.api.startFetch).toHaveBeenLastCalledWith(
      expect.objectContaining({
        identity: { kind: 'ip', address: '203.0.113.7' },
        source: { kind: 'files', path: '/cases/4711' },
        start: first[0].start,
        end: first[0].end,
        followSessions: false,
      }),
    );
  });

  it('on Athena, fills the form with the address and waits for Fetch (the scan costs)', async () => {
    await investigateAlice(pickAthena);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Who else used 203.0.113.7' }));
    await waitFor(() => expect((screen.getByLabelText('Identity') as HTMLInputElement).value).toBe('203.0.113.7'));
    expect((screen.getByRole('combobox', { name: 'Identity kind' }) as HTMLSelectElement).value).toBe('ip');
    expect((screen.getByLabelText('Database.table') as HTMLInputElement).value).toBe('security.cloudtrail_logs');
    expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1);
    expect(fake.current!.api.cancelFetch).not.toHaveBeenCalled();
  });
});
