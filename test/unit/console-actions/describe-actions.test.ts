import { describe, expect, it } from 'vitest';

import { describeActions } from '../../../shared/console-actions/describe';
import { groupActions } from '../../../shared/console-actions/group-actions';
import { events, page } from './builder';

describe('describeActions', () => {
  it('tells actions as plain sentences in time order', () => {
    const calls = [
      { key: 'signin:ConsoleLogin', at: 0, params: {}, response: { ConsoleLogin: 'Success' } },
      ...page('iam:GetUser iam:ListAttachedUserPolicies iam:ListUserPolicies', { userName: 'dana.reyes' }, 60_000),
      { key: 'iam:CreateAccessKey', at: 120_000, params: { userName: 'svc-backup' } },
    ];
    expect(describeActions(groupActions(events(calls)).actions)).toEqual([
      'On 30 November at 15:13 UTC jmorales signed in to the console from 185.220.101.47.',
      'On 30 November at 15:14 UTC jmorales opened IAM › Users › dana.reyes.',
      'On 30 November at 15:15 UTC jmorales created access key for svc-backup.',
    ]);
  });

  it('tells a repeated action once, with how many times', () => {
    const calls = [0, 60_000, 180_000].map((at) => ({ key: 'secretsmanager:ListSecrets', at, params: {} }));
    expect(describeActions(groupActions(events(calls)).actions)).toEqual([
      'On 30 November at 15:13 UTC jmorales opened Secrets Manager › Secrets in eu-west-1 (3 times, until 30 November at 15:16 UTC).',
    ]);
  });

  it('says nothing for no actions', () => {
    expect(describeActions([])).toEqual([]);
  });
});
