import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { collapseToActions } from '../../../renderer/features/actions/useTimelineEvents';
import { setEventViewMode } from '../../../renderer/features/actions/view-mode';
import { Timeline } from '../../../renderer/features/timeline/Timeline';
import { events, page, START } from '../../unit/console-actions/builder';

afterEach(() => {
  cleanup();
  setEventViewMode('events');
});

// A user page (4 calls), one call no page explains, and a key created: 6 events, 2 actions.
const session = events([
  ...page('iam:GetUser iam:ListAttachedUserPolicies iam:ListUserPolicies iam:ListGroupsForUser', { userName: 'dana.reyes' }, 0, 1000),
  { key: 'sts:GetCallerIdentity', at: 30_000, params: {} },
  { key: 'iam:CreateAccessKey', at: 60_000, params: { userName: 'svc-backup' } },
]);
const domain = { start: START - 3_600_000, end: START + 3_600_000 };

describe('the timeline in the Actions view', () => {
  it('counts each action once, beside the events no action took', () => {
    render(<Timeline events={session} domain={domain} zoomed={false} onZoom={() => {}} onResetZoom={() => {}} />);
    expect(screen.getByText(/^6 events ·/)).toBeTruthy();
    act(() => setEventViewMode('actions'));
    expect(screen.getByText(/^3 actions and other events ·/)).toBeTruthy();
  });

  it('draws an action with no flagged event at its anchor, in time order', () => {
    const shown = collapseToActions(session);
    expect(shown.map((event) => event.eventName)).toEqual(['GetUser', 'GetCallerIdentity', 'CreateAccessKey']);
  });
});
