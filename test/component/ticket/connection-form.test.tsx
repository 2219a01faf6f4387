import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createFakeTicketApi } from './fake-ticket-api';

const host = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createFakeTicketApi> }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(host));

const { TicketDrawer } = await import('../../../renderer/features/ticket/TicketDrawer');

beforeEach(() => {
  host.current = createFakeTicketApi({ connected: false });
});
afterEach(cleanup);

const form = () => screen.getByRole('form', { name: 'Jira connection' });
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const errorOf = (label: string) => {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby') ?? '';
  return (
    ids
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .find((text) => text) ?? null
  );
};

async function openForm() {
  render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[]} />);
  await screen.findByLabelText('Jira site');
}

describe('the Jira connection form', () => {
  it('says what is wrong with each field as it is typed, and clears it when fixed', async () => {
    await openForm();
    type('Jira site', 'http://team.atlassian.net');
    expect(errorOf('Jira site')).toBe('Use https: Jira Cloud sites are https only.');
    expect(screen.getByLabelText('Jira site').getAttribute('aria-invalid')).toBe('true');
    type('Jira site', 'https://team.atlassian.net');
    expect(errorOf('Jira site')).toBeNull();
    type('Email', 'ana@');
    expect(errorOf('Email')).toBe('Enter an email address such as ana@example.com.');
    type('Email', 'ana@example.com');
    expect(errorOf('Email')).toBeNull();
    expect(errorOf('API token')).toBeNull();
  });

  it('shows every field’s problem on Save, and sends nothing', async () => {
    await openForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(errorOf('Jira site')).toMatch(/^Enter the address of your Jira site/);
    expect(errorOf('Email')).toBe('Enter the email of your Atlassian account.');
    expect(errorOf('API token')).toMatch(/^Paste an API token/);
    expect(host.current!.calls.some((call) => call.method === 'saveJiraConnection')).toBe(false);
  });

  it('tests the typed values before saving and says who it is connected as', async () => {
    await openForm();
    type('Jira site', 'https://team.atlassian.net');
    type('Email', 'ana@example.com');
    type('API token', 'typed-token');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect(await screen.findByText('Connected to https://team.atlassian.net as Ana Lyst, ana@example.com.')).toBeTruthy();
    expect(host.current!.calls.find((call) => call.method === 'testJiraConnection')?.input).toMatchObject({
      draft: { site: 'https://team.atlassian.net', email: 'ana@example.com', token: 'typed-token' },
    });
    expect(host.current!.calls.some((call) => call.method === 'saveJiraConnection')).toBe(false);
  });

  it('puts a refused token on the token field until the token changes', async () => {
    await openForm();
    type('Jira site', 'https://team.atlassian.net');
    type('Email', 'ana@example.com');
    type('API token', 'wrong');
    host.current!.failNextTest({
      code: 'JIRA_AUTH',
      message: 'Jira at https://team.atlassian.net did not accept this email and API token.',
      fields: { token: 'Paste the token again.' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect((await within(form()).findByRole('alert')).textContent).toContain('did not accept this email and API token.');
    expect(errorOf('API token')).toBe('Paste the token again.');
    type('API token', 'right');
    await waitFor(() => expect(errorOf('API token')).toBeNull());
  });

  it('says why a test failed, with Retry that tests again', async () => {
    await openForm();
    type('Jira site', 'https://team.atlassian.net');
    type('Email', 'ana@example.com');
    type('API token', 'typed-token');
    host.current!.failNextTest({ code: 'JIRA_UNAVAILABLE', message: 'Nothing answered at https://team.atlassian.net: it timed out.' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Test connection' })));
    expect((await within(form()).findByRole('alert')).textContent).toContain(
      'Nothing answered at https://team.atlassian.net: it timed out.',
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    expect(await screen.findByText(/^Connected to https:\/\/team\.atlassian\.net as Ana Lyst/)).toBeTruthy();
    expect(host.current!.calls.filter((call) => call.method === 'testJiraConnection')).toHaveLength(2);
  });
});
