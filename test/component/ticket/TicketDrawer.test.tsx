import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord } from '../../../shared/records/types';
import { createFakeTicketApi } from './fake-ticket-api';

const host = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createFakeTicketApi> }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(host));

const { TicketDrawer } = await import('../../../renderer/features/ticket/TicketDrawer');

function event(overrides: Partial<CloudTrailRecord>) {
  return normalizeEvent({
    eventID: 'e-1',
    eventTime: '2026-11-01T10:00:00Z',
    eventName: 'ListUsers',
    eventSource: 'iam.amazonaws.com',
    sourceIPAddress: '203.0.113.7',
    userIdentity: { type: 'IAMUser', userName: 'alice' },
    ...overrides,
  });
}

const hostile = '<img src=x onerror="window.__pwned=1">';

beforeEach(() => {
  host.current = createFakeTicketApi({ connected: true });
});
afterEach(cleanup);

describe('the ticket drawer', () => {
  it('previews the draft with event data as literal text', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({ userAgent: hostile })]} />);
    const preview = await screen.findByTestId('ticket-draft');
    expect(preview.textContent).toContain(hostile);
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('alice (IAMUser)');
  });

  it('saves the analyst’s text as they type', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    const notes = await screen.findByLabelText('Your notes');
    await waitFor(() => expect((notes as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(notes, { target: { value: 'Seen by the SOC' } });
    await waitFor(() => expect(host.current!.drafts.get('f-1')?.analystText).toBe('Seen by the SOC'));
    expect(host.current!.drafts.get('f-1')?.eventIds).toEqual(['e-1']);
  });

  it('restores a saved draft when it opens', async () => {
    host.current = createFakeTicketApi({
      connected: true,
      storedDraft: {
        summary: 'Saved summary',
        analystText: 'Saved notes',
        fetchId: 'f-1',
        eventIds: ['e-1'],
        projectKey: null,
        issueTypeId: null,
        fields: {},
      },
    });
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    expect(await screen.findByDisplayValue('Saved notes')).toBeTruthy();
    expect(screen.getByDisplayValue('Saved summary')).toBeTruthy();
    expect(screen.getByTestId('ticket-draft').textContent).toContain('Saved notes');
  });

  it('regenerates the sections when the selection changes, keeping the analyst’s text', async () => {
    const { rerender } = render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    const notes = await screen.findByLabelText('Your notes');
    await waitFor(() => expect((notes as HTMLInputElement).disabled).toBe(false));
    fireEvent.change(notes, { target: { value: 'Keep me' } });
    rerender(
      <TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({}), event({ eventID: 'e-2', eventName: 'DeleteTrail' })]} />,
    );
    const preview = screen.getByTestId('ticket-draft');
    expect(preview.textContent).toContain('DeleteTrail');
    expect(preview.textContent).toContain('Keep me');
    expect(screen.getByDisplayValue('Keep me')).toBeTruthy();
  });

  it('submits and shows the issue key with a link opened through the host', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    await chooseProjectAndType();
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'Blue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    expect(await screen.findByText('SEC-1')).toBeTruthy();
    const submitted = host.current!.calls.find((call) => call.method === 'submitTicket')?.input as Record<string, unknown>;
    expect(submitted).toMatchObject({
      fetchId: 'f-1',
      eventIds: ['e-1'],
      projectKey: 'SEC',
      issueTypeId: '10002',
      fields: { customfield_10060: 'Blue' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open SEC-1 in Jira' }));
    expect(host.current!.calls.at(-1)).toEqual({ method: 'openExternal', input: { url: 'https://team.atlassian.net/browse/SEC-1' } });
  });

  it('sends one submission for a double click', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    await chooseProjectAndType();
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'Blue' } });
    const button = screen.getByRole('button', { name: 'Submit to Jira' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByText('SEC-1')).toBeTruthy();
    expect(host.current!.calls.filter((call) => call.method === 'submitTicket')).toHaveLength(1);
  });

  it('after the issue is created, the button can only finish it, never create a second issue', async () => {
    host.current!.answerNext({
      submissionId: 'ignored',
      state: 'created',
      issueKey: 'SEC-1',
      issueUrl: 'https://team.atlassian.net/browse/SEC-1',
      attachment: 'failed',
      message: 'Created SEC-1, but the events could not be attached.',
    });
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    await chooseProjectAndType();
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'Blue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Attach the events to SEC-1' }));
    expect(await screen.findByRole('button', { name: 'Submitted as SEC-1' })).toHaveProperty('disabled', true);
    const ids = host.current!.calls.filter((call) => call.method === 'submitTicket').map((call) => (call.input as { submissionId: string }).submissionId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('starts another ticket with a new submission id only when asked', async () => {
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    await chooseProjectAndType();
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'Blue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start another ticket' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    await screen.findByRole('button', { name: 'Submitted as SEC-1' });
    const ids = host.current!.calls.filter((call) => call.method === 'submitTicket').map((call) => (call.input as { submissionId: string }).submissionId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('shows Jira’s field errors on the matching fields', async () => {
    host.current!.failNextSubmit({
      code: 'JIRA_FIELDS',
      message: 'Jira refused some fields.',
      fields: { customfield_10060: 'Team must be a known team.' },
    });
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    await chooseProjectAndType();
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    expect(await screen.findByText('Team must be a known team.')).toBeTruthy();
  });

  it('puts a summary error on the summary and names errors on fields the form does not show', async () => {
    host.current!.failNextSubmit({
      code: 'JIRA_FIELDS',
      message: 'Jira refused some fields.',
      fields: { summary: 'Summary must be less than 255 characters.', customfield_10099: 'Sprint is closed.' },
    });
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    await chooseProjectAndType();
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'Blue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    const summaryError = await screen.findByText('Summary must be less than 255 characters.');
    expect(summaryError.closest('[role="alert"]')).toBeNull();
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('customfield_10099: Sprint is closed.');
    expect(banner.textContent).not.toContain('Summary must be');
  });

  it('lets the analyst decide about a submission Jira did not confirm', async () => {
    const unconfirmed = {
      submissionId: 'sub-1',
      state: 'unconfirmed' as const,
      issueKey: null,
      issueUrl: null,
      attachment: 'none' as const,
      message: 'Jira did not confirm the issue.',
    };
    host.current!.answerNext(unconfirmed);
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    await chooseProjectAndType();
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'Blue' } });
    host.current!.setPending([
      {
        submissionId: 'sub-1',
        site: 'https://team.atlassian.net',
        summary: 'alice (IAMUser): 1 event',
        stage: 'creating',
        issueKey: null,
        createdAt: '2026-11-01T10:00:00Z',
        lastError: null,
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Submit to Jira' }));
    expect(await screen.findByText(/Jira did not confirm the issue\./)).toBeTruthy();
    host.current!.answerNext({
      ...unconfirmed,
      state: 'created',
      issueKey: 'SEC-2',
      issueUrl: 'https://team.atlassian.net/browse/SEC-2',
      attachment: 'attached',
      message: 'Created SEC-2.',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'It was not created: send again' }));
    expect(await screen.findByText('SEC-2')).toBeTruthy();
    expect(host.current!.calls.find((call) => call.method === 'retryPendingSubmission')?.input).toEqual({
      submissionId: 'sub-1',
      resend: true,
    });
  });

  it('sends the token to the host and never shows it again', async () => {
    host.current = createFakeTicketApi({ connected: false });
    render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={[event({})]} />);
    fireEvent.change(await screen.findByLabelText('Jira site'), { target: { value: 'https://team.atlassian.net' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText('API token'), { target: { value: 'canary-token' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    });
    expect(host.current!.calls.find((call) => call.method === 'saveJiraConnection')?.input).toMatchObject({
      site: 'https://team.atlassian.net',
      email: 'ana@example.com',
      token: 'canary-token',
    });
    await waitFor(() => expect(document.body.innerHTML).not.toContain('canary-token'));
  });
});

async function chooseProjectAndType() {
  const project = await screen.findByRole('combobox', { name: 'Project' });
  await waitFor(() => expect((project as HTMLInputElement).disabled).toBe(false));
  fireEvent.change(project, { target: { value: 'SEC' } });
  const type = screen.getByRole('combobox', { name: 'Issue type' });
  await waitFor(() => expect((type as HTMLInputElement).disabled).toBe(false));
  fireEvent.change(type, { target: { value: '10002' } });
  await screen.findByLabelText('Team');
}
