import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
const { MutesContext } = await import('../../../renderer/features/mutes/MutesContext');
const { MutesList } = await import('../../../renderer/features/mutes/MutesList');
const { FlagMute } = await import('../../../renderer/features/mutes/FlagMute');

const arn = 'arn:aws:iam::111122223333:user/alice';
const hostile = '<img src=x onerror="alert(1)"> change window CHG-1';

useScreenSizedLayout();
beforeEach(() => {
  const base = createFakeApi();
  const analyzeFetch = vi.fn((input: { fetchId: string }) =>
    Promise.resolve({ ok: true as const, data: { ...analysisOf({}), fetchId: input.fetchId } }),
  );
  fake.current = { ...base, api: { ...base.api, analyzeFetch } };
  localStorage.clear();
});
afterEach(cleanup);

async function openStoppedLoggingEvent() {
  render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
  fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
  await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(1));
  const stop = fetched(0, {
    eventName: 'StopLogging',
    eventSource: 'cloudtrail.amazonaws.com',
    requestParameters: { name: 'main' },
    userIdentity: { type: 'IAMUser', userName: 'alice', arn },
  });
  act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [stop] }));
  await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(1));
  act(() => fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'done', error: null }));
  await waitFor(() => expect(fake.current!.api.analyzeFetch).toHaveBeenCalledWith({ fetchId: 'f1' }));
  fireEvent.click(screen.getAllByTestId('event-row')[0]!);
  return within(screen.getByLabelText('Why this event is flagged'));
}

describe('muting a rule for an identity', () => {
  it('asks the analysis with the mute, shows the flag as muted with its reason, saves it; unmute restores', async () => {
    const flags = await openStoppedLoggingEvent();
    expect(flags.queryByTestId('muted-badge')).toBeNull();
    fireEvent.click(flags.getByRole('button', { name: 'Mute CloudTrail logging stopped or trail deleted for this identity' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('CloudTrail logging stopped or trail deleted')).toBeTruthy();
    // Reason and expiry are required: Save waits for a reason.
    const save = dialog.getByRole('button', { name: 'Save' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(dialog.getByLabelText('Reason (required)'), { target: { value: hostile } });
    fireEvent.click(dialog.getByLabelText(/7 days/));
    fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await waitFor(() =>
      expect(fake.current!.api.analyzeFetch).toHaveBeenLastCalledWith({
        fetchId: 'f1',
        mutes: [expect.objectContaining({ ruleId: 'TC-LOG-001', identity: arn, reason: hostile })],
      }),
    );
    const [{ mutes }] = fake.current!.api.analyzeFetch.mock.lastCall as [{ mutes: Array<{ until: string }> }];
    const days = (Date.parse(mutes[0]!.until) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // The flag keeps its place, marked muted; reason and expiry in the tooltip, as text.
    const badge = await screen.findByTestId('muted-badge');
    expect(screen.getByLabelText('Why this event is flagged').contains(badge)).toBe(true);
    expect(badge.getAttribute('title')).toContain(hostile);
    expect(badge.getAttribute('title')).toContain(`Muted until ${mutes[0]!.until.slice(0, 10)}`);
    // Kept with the investigation: the autosave carries it.
    await waitFor(() =>
      expect(fake.current!.api.autosaveInvestigation).toHaveBeenLastCalledWith(
        expect.objectContaining({ mutes: [expect.objectContaining({ ruleId: 'TC-LOG-001', identity: arn })] }),
      ),
    );
    // Listed under What stands out, the reason as text (no element made of it).
    const list = within(screen.getByLabelText('Muted rules'));
    expect(list.getByText(/1 rule muted for alice/)).toBeTruthy();
    fireEvent.click(list.getByRole('button', { name: 'show' }));
    expect(list.getByTestId('mute-item').textContent).toContain(hostile);
    expect(document.querySelector('img')).toBeNull();

    fireEvent.click(within(screen.getByLabelText('Why this event is flagged')).getByRole('button', { name: 'Unmute' }));
    await waitFor(() => expect(screen.queryByTestId('muted-badge')).toBeNull());
    await waitFor(() => expect(fake.current!.api.analyzeFetch).toHaveBeenLastCalledWith({ fetchId: 'f1' }));
    expect(screen.queryByLabelText('Muted rules')).toBeNull();
  });

  it('Cancel mutes nothing', async () => {
    const flags = await openStoppedLoggingEvent();
    fireEvent.click(flags.getByRole('button', { name: /^Mute .* for this identity$/ }));
    fireEvent.change(within(await screen.findByRole('dialog')).getByLabelText('Reason (required)'), { target: { value: 'not now' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByTestId('muted-badge')).toBeNull();
    expect(screen.queryByLabelText('Muted rules')).toBeNull();
    expect(fake.current!.api.analyzeFetch).toHaveBeenCalledTimes(1);
  });

  it('an expired mute shows as expired, not as muted, and the rule can be muted again', () => {
    const expired = { ruleId: 'TC-LOG-001', identity: arn, reason: 'old change window', until: '2020-01-01T00:00:00.000Z' };
    render(
      <MutesContext.Provider value={{ mutes: [expired], mute: vi.fn(), unmute: vi.fn() }}>
        <FlagMute ruleId="TC-LOG-001" title="CloudTrail logging stopped or trail deleted" identity={arn} />
        <MutesList />
      </MutesContext.Provider>,
    );
    expect(screen.queryByTestId('muted-badge')).toBeNull();
    expect(screen.getByText('mute expired').getAttribute('title')).toContain('old change window');
    expect(screen.getByText(/0 rules muted for alice \(1 expired\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Mute .* for this identity$/ })).toBeTruthy();
  });
});
