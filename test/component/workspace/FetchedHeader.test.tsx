import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { fetched } from './fake-api';
import { fake, useFakeWorkspace } from './fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('./fake-bridge')).workspaceBridge);

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useFakeWorkspace();

const region = (name: string, state: 'done' | 'failed', message: string | null) => ({
  region: name,
  state,
  pages: 0,
  events: 0,
  rateLimitWaits: 0,
  throttled: 0,
  waitingOnRateLimit: false,
  covered: 0,
  etaSeconds: null,
  error: message ? { code: 'ACCESS_DENIED' as const, message } : null,
});

async function fetchAlice(link = 'profile=demo&user=alice&regions=us-east-1,eu-west-1&since=24h') {
  render(<Workspace initialQuery={link} profile="demo" />);
  const button = screen.getByRole('button', { name: /^Fetch/ });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
  await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalled());
}

describe('the header of what was fetched', () => {
  it('names the identity, range, regions, source and follow sessions of the events on screen', async () => {
    await fetchAlice();
    const header = await screen.findByTestId('fetched-header');
    expect(header.textContent).toContain('alice');
    expect(header.textContent).toContain('(1 day)');
    expect(header.textContent).toContain('2 · us-east-1, eu-west-1');
    expect(header.textContent).toContain('LookupEvents · profile demo');
    expect(within(header).getByText('Follow sessions').nextSibling?.textContent).toBe('on');
    expect(within(header).getByRole('status').textContent).toBe('');
  });

  it('says the events below are the fetched identity when the form names another', async () => {
    await fetchAlice();
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0), fetched(1)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Identity'), { target: { value: 'dana.reyes' } });
    const status = within(screen.getByTestId('fetched-header')).getByRole('status');
    expect(status.textContent).toBe("The form now names dana.reyes; the events below are alice's — Fetch to replace them.");
    expect(screen.getByTestId('fetched-header').textContent).toContain('alice');
  });

  it('says when only the regions of the form differ', async () => {
    await fetchAlice();
    fireEvent.click(screen.getByRole('button', { name: /Regions/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'eu-west-1' }));
    expect(within(screen.getByTestId('fetched-header')).getByRole('status').textContent).toBe(
      "The form's regions changed since the fetch; the events below are still alice's — Fetch to replace them.",
    );
  });
});

describe('a fetch that got nothing', () => {
  it('says nothing could be fetched, with each region reason and Retry, instead of "No events"', async () => {
    await fetchAlice();
    act(() => {
      fake.current!.push({
        type: 'fetch.progress',
        fetchId: 'f1',
        regions: [
          region('us-east-1', 'failed', 'AccessDenied: not authorized to perform cloudtrail:LookupEvents'),
          region('eu-west-1', 'failed', '<b>Region disabled</b>'),
        ],
        eventCount: 0,
      });
      fake.current!.push({
        type: 'fetch.state',
        fetchId: 'f1',
        state: 'failed',
        error: { code: 'ACCESS_DENIED', message: 'AccessDenied' },
      });
    });
    const failed = await screen.findByTestId('fetch-failed');
    expect(within(failed).getByRole('heading').textContent).toBe('Nothing could be fetched');
    expect(failed.textContent).toContain('us-east-1: AccessDenied: not authorized to perform cloudtrail:LookupEvents');
    expect(failed.textContent).toContain('eu-west-1: <b>Region disabled</b>');
    expect(failed.querySelector('b')).toBeNull();
    expect(screen.queryByText(/No events for this identity/)).toBeNull();
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry the fetch' }));
    await waitFor(() => expect(fake.current!.api.resumeFetch).toHaveBeenCalledWith({ fetchId: 'f1' }));
  });

  it('says one reason once, with the regions that gave it, when every region failed alike', async () => {
    await fetchAlice();
    const denied = (name: string) => region(name, 'failed', `Profile "demo" may not call cloudtrail:LookupEvents in ${name}.`);
    act(() => {
      fake.current!.push({ type: 'fetch.progress', fetchId: 'f1', regions: [denied('us-east-1'), denied('eu-west-1')], eventCount: 0 });
      fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'failed', error: null });
    });
    const items = within(await screen.findByTestId('fetch-failed')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'us-east-1, eu-west-1: Profile "demo" may not call cloudtrail:LookupEvents in these regions.',
    ]);
    expect(screen.queryByLabelText('us-east-1: failed')).toBeNull();
  });

  it('still says "No events" when every region answered with none', async () => {
    await fetchAlice();
    act(() => {
      fake.current!.push({
        type: 'fetch.progress',
        fetchId: 'f1',
        regions: [region('us-east-1', 'done', null), region('eu-west-1', 'done', null)],
        eventCount: 0,
      });
      fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'done', error: null });
    });
    expect(await screen.findByText(/No events for this identity/)).toBeTruthy();
    expect(screen.queryByTestId('fetch-failed')).toBeNull();
  });
});

describe('the default regions', () => {
  it('are every region the host says is enabled for the account, when the link names none', async () => {
    fake.current!.api.listRegions.mockImplementation(() =>
      Promise.resolve({
        ok: true as const,
        data: { regions: ['us-east-1', 'ap-south-1', 'eu-west-1', 'us-west-2'], source: 'account' as const, reason: null },
      }),
    );
    await fetchAlice('profile=analyst&user=alice&since=24h');
    expect(fake.current!.api.listRegions).toHaveBeenCalledWith({ profile: 'demo' });
    expect(fake.current!.api.startFetch).toHaveBeenCalledWith(
      expect.objectContaining({ regions: ['us-east-1', 'ap-south-1', 'eu-west-1', 'us-west-2'] }),
    );
    expect(screen.getByTestId('region-defaults').textContent).toBe('Default: all 4 regions enabled for the account');
  });

  it('say when they are the partition list because the account list could not be read', async () => {
    fake.current!.api.listRegions.mockImplementation(() =>
      Promise.resolve({
        ok: true as const,
        data: { regions: ['us-east-1', 'us-east-2'], source: 'partition' as const, reason: 'AccessDeniedException: not authorized' },
      }),
    );
    render(<Workspace initialQuery={null} profile="demo" />);
    const note = await screen.findByText("Default: 2 regions (partition list; account's unreadable)");
    expect(note.getAttribute('title')).toBe('AccessDeniedException: not authorized');
  });

  it('stay those of a link that names regions', async () => {
    await fetchAlice('profile=demo&user=alice&regions=eu-west-1&since=24h');
    expect(fake.current!.api.startFetch).toHaveBeenCalledWith(expect.objectContaining({ regions: ['eu-west-1'] }));
  });

  it('can be narrowed in the region picker, and the narrowing stays', async () => {
    render(<Workspace initialQuery="user=alice&since=24h" profile="demo" />);
    await screen.findByText("Default: the demo account's 3 regions");
    fireEvent.click(screen.getByRole('button', { name: /Regions/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'us-west-2' }));
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await waitFor(() =>
      expect(fake.current!.api.startFetch).toHaveBeenCalledWith(expect.objectContaining({ regions: ['us-east-1', 'eu-west-1'] })),
    );
  });
});
