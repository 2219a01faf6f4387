import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { ProfileSummary } from '../../../shared/api/app-contract';
import { fetched } from '../workspace/fake-api';
import { fake, useFakeWorkspace } from '../workspace/fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).workspaceBridge);

const { App } = await import('../../../renderer/App');

useFakeWorkspace();
afterEach(() => window.history.replaceState({}, '', '/'));

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });
const profile = (name: string, kind: ProfileSummary['kind']): ProfileSummary => ({ name, kind, region: 'us-east-1', mfa: false, ssoSession: null, ssoState: null, sources: ['config'], isDefault: false });

function withProfiles() {
  fake.current!.api.listProfiles.mockImplementation(() => ok({ profiles: [profile('demo', 'demo'), profile('work', 'keys')], problems: [] }) as never);
  fake.current!.api.listRegions.mockImplementation(((input: { profile: string }) =>
    ok({ regions: input.profile === 'work' ? ['us-east-1', 'us-east-2'] : ['us-east-1', 'eu-west-1', 'us-west-2'], source: input.profile === 'work' ? 'account' : 'demo', reason: null })) as never);
}

describe('the profile of a deep link', () => {
  it('says so when the link names a profile the config files do not have, and uses no other in its place', async () => {
    withProfiles();
    window.history.replaceState({}, '', '/?profile=prod-admin&user=alice&since=24h');
    render(<App />);
    const notice = await screen.findByTestId('unknown-profile');
    expect(notice.textContent).toContain('The link names the AWS profile “prod-admin”, which is not in your AWS config files.');
    expect((screen.getByLabelText('AWS profile') as HTMLSelectElement).value).toBe('');
    expect((screen.getByRole('button', { name: /^Fetch/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('AWS profile'), { target: { value: 'work' } });
    expect(screen.queryByTestId('unknown-profile')).toBeNull();
    await waitFor(() => expect((screen.getByRole('button', { name: /^Fetch/ }) as HTMLButtonElement).disabled).toBe(false));
  });
});

describe('switching profile', () => {
  it('keeps the events on screen until a new fetch, and the chosen regions the new account enables', async () => {
    withProfiles();
    window.history.replaceState({}, '', '/?profile=demo&user=alice&since=24h&regions=us-east-1,eu-west-1');
    render(<App />);
    const fetch = await screen.findByRole('button', { name: /^Fetch/ });
    await waitFor(() => expect((fetch as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(fetch);
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalled());
    act(() => fake.current!.push({ type: 'fetch.events', fetchId: 'f1', events: [fetched(0), fetched(1)] }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));

    fireEvent.change(screen.getByLabelText('AWS profile'), { target: { value: 'work' } });
    await waitFor(() => expect(fake.current!.api.listRegions).toHaveBeenCalledWith({ profile: 'work' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Regions/ }).textContent).toBe('us-east-1 ▾'));
    expect(screen.getAllByTestId('event-row')).toHaveLength(2);
    expect(screen.getByTestId('fetched-header').textContent).toContain('LookupEvents · profile demo');
  });
});
