import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { normalizeEvent } from '../../../shared/records/normalize';
import { createFakeTicketApi } from './fake-ticket-api';

const host = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createFakeTicketApi> }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(host));

const { TicketDrawer } = await import('../../../renderer/features/ticket/TicketDrawer');

const hostileUser = '[x|https://evil.test] <img src=x>';
const events = [
  normalizeEvent({
    eventID: 'e-1',
    eventTime: '2026-11-01T10:00:00Z',
    eventName: 'CreateAccessKey',
    eventSource: 'iam.amazonaws.com',
    sourceIPAddress: '203.0.113.7',
    userIdentity: { type: 'IAMUser', userName: 'alice' },
    requestParameters: { userName: hostileUser },
  }),
];

let copied: string[] = [];
let clipboardFails = false;
beforeEach(() => {
  host.current = createFakeTicketApi({ connected: false });
  copied = [];
  clipboardFails = false;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => (clipboardFails ? Promise.reject(new Error('denied')) : (copied.push(text), Promise.resolve())) },
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openDrawer() {
  render(<TicketDrawer open onClose={() => {}} fetchId="f-1" events={events} />);
  await screen.findByTestId('ticket-draft');
}

describe('taking the draft out without Jira', () => {
  it('copies the draft as Markdown, event data in code spans', async () => {
    await openDrawer();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' })));
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^## `/);
    expect(copied[0]).toContain('**IAM user:** `[x|https://evil.test] <img src=x>`');
    expect(screen.getByText('The draft was copied as Markdown.')).toBeTruthy();
  });

  it('copies the draft as plain text', async () => {
    await openDrawer();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy as text' })));
    expect(copied[0]).toContain('RESOURCES NAMED IN THE EVENTS');
    expect(copied[0]).not.toContain('**');
  });

  it('says so when the clipboard is refused, and points to Download', async () => {
    clipboardFails = true;
    await openDrawer();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' })));
    expect(await screen.findByText('Copying is not allowed here: download the draft instead.')).toBeTruthy();
  });

  it('downloads Markdown and text files named by time only, through a Blob link', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:draft'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await openDrawer();
    fireEvent.click(screen.getByRole('button', { name: 'Download .md' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download .txt' }));
    expect(names[0]).toMatch(/^trailcase-ticket-\d{8}T\d{6}Z\.md$/);
    expect(names[1]).toMatch(/^trailcase-ticket-\d{8}T\d{6}Z\.txt$/);
    expect(blobs.map((blob) => blob.type)).toEqual(['text/markdown;charset=utf-8', 'text/plain;charset=utf-8']);
    expect(await blobs[0]!.text()).toContain('### Resources named in the events');
    expect(screen.getByText(`Downloaded ${names[1]}.`)).toBeTruthy();
  });
});

describe('the preview holds no filler', () => {
  it('says plainly what is not chosen yet and leaves out what is empty', async () => {
    await openDrawer();
    const preview = screen.getByTestId('ticket-draft');
    expect(preview.querySelector('.ticket-preview-crumbs')?.textContent).toBe('No project chosen yet');
    expect(preview.textContent).not.toMatch(/Lorem|TODO|\(none\)|\(time of submit\)|Project \/ Issue type/);
  });
});
