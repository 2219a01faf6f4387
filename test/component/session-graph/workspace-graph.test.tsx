import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { fetched } from '../workspace/fake-api';
import { fake, useFakeWorkspace } from '../workspace/fake-bridge';

vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).workspaceBridge);

const { Workspace } = await import('../../../renderer/features/workspace/Workspace');

useFakeWorkspace();

const alice = (accessKeyId: string) => ({ type: 'IAMUser', arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111', userName: 'alice', accessKeyId });

describe('the session graph in the workspace', () => {
  it('narrows the table to a node’s events on a click, and shows them all again on a second', async () => {
    render(<Workspace initialQuery="profile=demo&user=alice&regions=us-east-1&since=24h" profile="demo" />);
    fireEvent.click(screen.getByRole('button', { name: /^Fetch/ }));
    await waitFor(() => expect(fake.current!.api.startFetch).toHaveBeenCalled());
    act(() =>
      fake.current!.push({
        type: 'fetch.events',
        fetchId: 'f1',
        events: [
          fetched(0, { userIdentity: alice('AKIAALICEKEY00000001') }),
          fetched(1, { userIdentity: alice('AKIAALICEKEY00000001') }),
          fetched(2, { eventName: 'GetSessionToken', eventSource: 'sts.amazonaws.com', userIdentity: alice('AKIAALICEKEY00000002'), responseElements: { credentials: { accessKeyId: 'ASIAALICESESSION0003' } } }),
          fetched(3, { eventName: 'ListBuckets', userIdentity: alice('ASIAALICESESSION0003') }),
        ],
      }),
    );
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(4));

    const panel = screen.getByRole('region', { name: 'Sessions' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Show sessions' }));
    const session = await within(panel).findByRole('button', { name: /^Session ASIAALICESESSION0003: 1 event/ });
    fireEvent.click(session);
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(1));
    expect(screen.getByTestId('event-row').textContent).toContain('ListBuckets');
    expect(screen.getByRole('button', { name: 'Remove filter Access key = ASIAALICESESSION0003' })).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: /^Key AKIAALICEKEY00000002: 2 events/ }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(2));

    fireEvent.click(within(panel).getByRole('button', { name: /^Key AKIAALICEKEY00000002/ }));
    await waitFor(() => expect(screen.getAllByTestId('event-row')).toHaveLength(4));
  });
});
