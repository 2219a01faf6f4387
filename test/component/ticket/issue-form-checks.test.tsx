import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { normalizeEvent } from '../../../shared/records/normalize';
import { createFakeTicketApi } from './fake-ticket-api';

const host = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createFakeTicketApi> }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(host));

const { TicketDrawer } = await import('../../../renderer/features/ticket/TicketDrawer');

const events = [
  normalizeEvent({
    eventID: 'e-1',
    eventTime: '2026-11-01T10:00:00Z',
    eventName: 'ListUsers',
    eventSource: 'iam.amazonaws.com',
    userIdentity: { type: 'IAMUser', userName: 'alice' },
  }),
];

beforeEach(() => {
  host.current = createFakeTicketApi({ connected: true });
});
afterEach(cleanup);

const messageOf = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .find((text) => text) ?? null;

async function chooseProjectAndType() {
  const project = await screen.findByRole('combobox', { name: 'Project' });
  await waitFor(() => expect((project as HTMLSelectElement).disabled).toBe(false));
  fireEvent.change(project, { target: { value: 'SEC' } });
  const type = screen.getByRole('combobox', { name: 'Issue type' });
  await waitFor(() => expect((type as HTMLSelectElement).disabled).toBe(false));
  fireEvent.change(type, { target: { value: '10002' } });
  return screen.findByLabelText('Team');
}

describe('the issue form’s checks', () => {
  it('marks a required field emptied as it is typed, and clears the mark when it is filled', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={events} />);
    const team = await chooseProjectAndType();
    fireEvent.change(team, { target: { value: 'Blue' } });
    expect(messageOf(team)).toBeNull();
    fireEvent.change(team, { target: { value: ' ' } });
    expect(messageOf(team)).toBe('Team is required for this issue type.');
    expect(team.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(team, { target: { value: 'Blue' } });
    expect(messageOf(team)).toBeNull();
  });

  it('on Submit, marks every field still missing and sends nothing until it is filled', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={events} />);
    const project = await screen.findByRole('combobox', { name: 'Project' });
    await waitFor(() => expect((project as HTMLSelectElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    expect(messageOf(project)).toBe('Choose the project the issue goes to.');
    expect(screen.getByText('Fix the marked fields first.')).toBeTruthy();
    const team = await chooseProjectAndType();
    expect(messageOf(team)).toBe('Team is required for this issue type.');
    expect(host.current!.calls.some((call) => call.method === 'submitTicket')).toBe(false);
    fireEvent.change(team, { target: { value: 'Blue' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' })));
    expect(await screen.findByText('SEC-1')).toBeTruthy();
  });

  it('says why projects could not be listed, with Retry that lists them again', async () => {
    host.current!.failNextProjects({
      code: 'JIRA_UNAVAILABLE',
      message: 'Listing projects: Jira at https://team.atlassian.net did not answer, it timed out. Check the network and retry.',
    });
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={events} />);
    expect((await screen.findByText(/^Listing projects: Jira/)).closest('[role="alert"]')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    await chooseProjectAndType();
    expect(host.current!.calls.filter((call) => call.method === 'listJiraProjects')).toHaveLength(2);
  });

  it('marks a summary emptied or over Jira’s 255 characters as it is typed', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={events} />);
    const summary = await screen.findByLabelText('Summary');
    await waitFor(() => expect((summary as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(summary, { target: { value: '' } });
    expect(messageOf(summary)).toBe('Write a summary, or use the generated one.');
    fireEvent.change(summary, { target: { value: 'x'.repeat(260) } });
    expect(messageOf(summary)).toBe('Jira keeps 255 characters: shorten it by 5, or the end is cut.');
    fireEvent.change(summary, { target: { value: 'Key created for alice' } });
    expect(messageOf(summary)).toBeNull();
  });
});
