import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createFakeTicketApi } from './fake-ticket-api';

const host = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createFakeTicketApi> }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(host));

const { TicketDrawer } = await import('../../../renderer/features/ticket/TicketDrawer');

beforeEach(() => {
  host.current = createFakeTicketApi({ connected: false });
});
afterEach(cleanup);

describe('a Jira Data Center connection in the form', () => {
  it('asks for the site and a personal access token, no email, and saves it as Data Center', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[]} />);
    await screen.findByLabelText('Jira site');
    fireEvent.click(screen.getByRole('radio', { name: 'Jira Data Center' }));
    expect(screen.queryByLabelText('Email')).toBeNull();
    fireEvent.change(screen.getByLabelText('Jira site'), { target: { value: 'https://jira.example.com' } });
    fireEvent.change(screen.getByLabelText('Personal access token'), { target: { value: 'pat-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(host.current!.calls.some((call) => call.method === 'saveJiraConnection')).toBe(true));
    expect(host.current!.calls.find((call) => call.method === 'saveJiraConnection')!.input).toEqual({ site: 'https://jira.example.com', email: '', token: 'pat-123', kind: 'datacenter' });
  });
});
