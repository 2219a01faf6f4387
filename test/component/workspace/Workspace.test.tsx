import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { fetched } from './fake-api';
import { fake, useFakeWorkspace } from './fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('./fake-bridge')).workspaceBridge);

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useFakeWorkspace();

const progress = (state: 'running' | 'done' | 'failed') => ({
  region: 'us-east-1', state, pages: 2, events: 3, rateLimitWaits: 1, throttled: 0, waitingOnRateLimit: false, covered: 0.5, etaSeconds: 30, error: null,
});

async function startFetch() {
  render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
  fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
  await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalled());
}

describe('Workspace', () => {
  it('fills the form from a deep link and waits for the Fetch click', () => {
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1,eu-west-1&since=24h" profile="demo" />);
    expect((screen.getByLabelText('Identity') as HTMLInputElement).value).toBe('alice');
    expect(screen.getByRole('button', { name: '24h' }).getAttribute('aria-pressed')).toBe('true');
    expect(fake.current!.api.startFetch).not.toHaveBeenCalled();
  });

  it('fills the form again when another link arrives, and still waits for the Fetch click', () => {
    const { rerender } = render(<Workspace initialQuery="profile=demo&user=alice&since=24h" profile="demo" />);
    rerender(<Workspace initialQuery="profile=demo&accessKeyId=AKIAIOSFODNN7EXAMPLE&since=7d" profile="demo" />);
    expect((screen.getByLabelText('Identity') as HTMLInputElement).value).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(screen.getByRole('button', { name: '7d' }).getAttribute('aria-pressed')).toBe('true');
    expect(fake.current!.api.startFetch).not.toHaveBeenCalled();
  });

  it('tells what was wrong with a hostile deep link', () => {
    render(<Workspace initialQuery="user=%3Cimg%20src%3Dx%3E" profile="demo" />);
    expect(screen.getByRole('status').textContent).toContain("The link's user is not valid");
  });

  it('fetches the query of the form and shows events as they stream in', async () => {
    await startFetch();
    expect(fake.current!.api.startFetch).toHaveBeenCalledWith(expect.objectContaining({ profile: 'demo', regions: ['us-east-1'], identity: { kind: 'user', userName: 'alice' } }));
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0), fetched(1), fetched(2)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(3));
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(2), fetched(3)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(4));
  });

  it('shows progress per region and cancels', async () => {
    await startFetch();
    act(() => fake.current!.push({ type: 'fetch.progress', fetchId: 'f1', regions: [progress('running')], eventCount: 3 }));
    expect(screen.getByLabelText('us-east-1: running').textContent).toContain('3 events · 2 pages · 1 rate-limit wait');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.current!.api.cancelFetch).toHaveBeenCalledWith({ fetchId: 'f1' }));
  });

  it('keeps the events after a failure and offers Resume', async () => {
    await startFetch();
    act(() => {
      fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0)] });
      fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'failed', error: { code: 'THROTTLED', message: 'Rate exceeded' } });
    });
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(1));
    expect(screen.getByText('Rate exceeded')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(fake.current!.api.resumeFetch).toHaveBeenCalledWith({ fetchId: 'f1' }));
  });

  it('offers Retry after a credential error mid-fetch, and Retry resumes the same fetch', async () => {
    await startFetch();
    act(() => {
      fake.current!.push({ type: 'fetch.state', fetchId: 'f1', state: 'failed', error: { code: 'CREDENTIALS_EXPIRED', message: 'Run aws sso login --profile demo, then Retry.' } });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.current!.api.resumeFetch).toHaveBeenCalledWith({ fetchId: 'f1' }));
  });

  it('offers Retry when the fetch could not start, and Retry starts the same query again', async () => {
    fake.current!.api.startFetch.mockImplementationOnce(() => Promise.resolve({ ok: false, error: { code: 'SSO_LOGIN_REQUIRED', message: 'Run aws sso login --profile demo.' } }) as never);
    await startFetch();
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalledTimes(2));
    expect(fake.current!.api.startFetch.mock.calls[1]).toEqual(fake.current!.api.startFetch.mock.calls[0]);
  });

  it('cancels a fetch that is still starting (resolving credentials), then offers Retry', async () => {
    let answer: (result: unknown) => void = () => {};
    fake.current!.api.startFetch.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)) as never);
    fake.current!.api.cancelStartingFetches.mockImplementationOnce(() => {
      answer({ ok: false, error: { code: 'CANCELLED', message: 'The fetch was cancelled before it started.' } });
      return Promise.resolve({ ok: true, data: {} }) as never;
    });
    await startFetch();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.current!.api.cancelStartingFetches).toHaveBeenCalled());
    expect(await screen.findByText(/Cancelled/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('ignores stream messages of other fetches', async () => {
    await startFetch();
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'other', events: [fetched(0)] }));
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(1)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(1));
  });

  it('narrows every view when a chart bar is clicked, and the chip removes the filter', async () => {
    await startFetch();
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0), fetched(1), fetched(2)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(3));
    fireEvent.click(await screen.findByRole('button', { name: 'Filter Event names: GetObject (2)' }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Event name = GetObject' }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(3));
  });

  it('autosaves the investigation with its fetch once events came, so a closed app loses nothing', async () => {
    await startFetch();
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0)] }));
    await waitFor(() => expect(fake.current!.api.autosaveInvestigation).toHaveBeenCalledWith(expect.objectContaining({ fetchId: 'f1', events: 1, name: expect.stringContaining('alice') })), { timeout: 3000 });
    expect(fake.current!.api.saveInvestigation).not.toHaveBeenCalled();
  });

  it('focuses the search with /', async () => {
    await startFetch();
    fireEvent.keyDown(window, { key: '/' });
    expect(document.activeElement).toBe(screen.getByLabelText('Search events'));
  });
});
