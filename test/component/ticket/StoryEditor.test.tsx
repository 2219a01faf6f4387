import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord } from '../../../shared/records/types';
import { createFakeTicketApi } from './fake-ticket-api';

const host = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createFakeTicketApi> }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(host));

const { TicketDrawer } = await import('../../../renderer/features/ticket/TicketDrawer');

function event(overrides: Partial<CloudTrailRecord>) {
  return normalizeEvent({
    eventTime: '2026-11-30T15:13:00Z',
    eventSource: 'iam.amazonaws.com',
    sourceIPAddress: '185.220.101.47',
    readOnly: false,
    userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: 'AKIAOWNERKEY00000001' },
    ...overrides,
  });
}

const events = [
  event({
    eventID: 'e-key',
    eventName: 'CreateAccessKey',
    requestParameters: { userName: 'alice' },
    responseElements: { accessKey: { accessKeyId: 'AKIANEWKEY0000000001' } },
  }),
  event({
    eventID: 'e-trail',
    eventTime: '2026-11-30T15:20:00Z',
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    requestParameters: { name: 'management-events' },
  }),
];

const first = 'On 30 November at 15:13 UTC alice created a new access key AKIANEWKEY0000000001.';
const second = 'Within 10 minutes they stopped the management-events trail.';

beforeEach(() => {
  host.current = createFakeTicketApi({ connected: true });
});
afterEach(cleanup);

async function openDrawer() {
  render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={events} />);
  const sentence = await screen.findByLabelText('What happened, sentence 1');
  await waitFor(() => expect((sentence as HTMLTextAreaElement).disabled).toBe(false));
  return screen.getByTestId('ticket-draft');
}

describe('the story editor', () => {
  it('lists each sentence of the story, as the preview tells it', async () => {
    const preview = await openDrawer();
    expect((screen.getByLabelText('What happened, sentence 1') as HTMLTextAreaElement).value).toBe(first);
    expect((screen.getByLabelText('What happened, sentence 2') as HTMLTextAreaElement).value).toBe(second);
    expect(preview.textContent).toContain('What happened');
    expect(preview.textContent).toContain('AKIANEWKEY0000000001');
  });

  it('drops a sentence from the draft and saves the choice', async () => {
    const preview = await openDrawer();
    expect(preview.textContent).toContain('stopped the management-events trail');
    fireEvent.click(screen.getByRole('button', { name: 'Drop what happened sentence 2' }));
    await waitFor(() => expect(preview.textContent).not.toContain('stopped the management-events trail'));
    expect(screen.getByRole('button', { name: 'Keep what happened sentence 2' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(host.current!.drafts.get('f-1')?.storyEdits?.dropped).toEqual(['happened:e-trail']));
    fireEvent.click(screen.getByRole('button', { name: 'Keep what happened sentence 2' }));
    await waitFor(() => expect(preview.textContent).toContain('stopped the management-events trail'));
  });

  it('rewords a sentence in the analyst’s words, and goes back to the generated one', async () => {
    const preview = await openDrawer();
    fireEvent.change(screen.getByLabelText('What happened, sentence 1'), { target: { value: 'Someone made a key as alice.' } });
    await waitFor(() => expect(preview.textContent).toContain('Someone made a key as alice.'));
    expect(preview.textContent).not.toContain(first);
    await waitFor(() =>
      expect(host.current!.drafts.get('f-1')?.storyEdits?.rewritten).toEqual({ 'happened:e-key': 'Someone made a key as alice.' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use the generated sentence' }));
    await waitFor(() => expect(preview.textContent).toContain(first));
  });

  it('restores dropped and reworded sentences from the saved draft', async () => {
    host.current = createFakeTicketApi({
      connected: true,
      storedDraft: {
        summary: null,
        analystText: '',
        fetchId: 'f-1',
        eventIds: ['e-key', 'e-trail'],
        projectKey: null,
        issueTypeId: null,
        fields: {},
        storyEdits: { dropped: ['happened:e-trail'], rewritten: { 'happened:e-key': 'Reworded before the crash.' } },
      },
    });
    const preview = await openDrawer();
    expect((screen.getByLabelText('What happened, sentence 1') as HTMLTextAreaElement).value).toBe('Reworded before the crash.');
    expect(preview.textContent).toContain('Reworded before the crash.');
    expect(preview.textContent).not.toContain('stopped the management-events trail');
  });
});
