import { describe, expect, it } from 'vitest';

import { labelText } from '../../../shared/console-actions/action';
import { groupActions } from '../../../shared/console-actions/group-actions';
import { normalizeEvent } from '../../../shared/records/normalize';
import { events, page, record, START } from './builder';

describe('groupActions', () => {
  it('turns a console session into actions and leaves the other calls ungrouped', () => {
    const session = [
      ...page('iam:GetUser iam:ListAttachedUserPolicies iam:ListUserPolicies iam:ListGroupsForUser', { userName: 'dana.reyes' }, 0, 1000),
      { key: 'sts:GetCallerIdentity', at: 3500, params: {} },
      { key: 'iam:CreateAccessKey', at: 20_000, params: { userName: 'svc-backup' } },
    ];
    const input = events(session);
    const { actions, ungrouped } = groupActions(input);
    expect(actions.map(labelText)).toEqual(['Opened IAM › Users › dana.reyes', 'Created access key for svc-backup']);
    expect(ungrouped.map((event) => event.eventName)).toEqual(['GetCallerIdentity']);
    const [detail] = actions;
    expect(detail).toMatchObject({ signatureId: 'iam.user.detail', actor: 'jmorales', region: 'us-east-1', anchorEventId: input[0]!.id });
    expect(detail!.eventIds).toEqual(input.slice(0, 4).map((event) => event.id));
    expect(detail!.start).toBe(START);
    expect(detail!.end).toBe(START + 3000);
  });

  it('keeps two people apart even when their calls interleave', () => {
    const dana = events(page('ec2:DescribeInstances ec2:DescribeInstanceStatus'), { user: 'dana.reyes', accessKeyId: 'ASIADANA0000EXAMPLE1' });
    const sam = events(page('ec2:DescribeVolumes', {}, 100), { user: 'sam.lee', accessKeyId: 'ASIASAM00000EXAMPLE1' });
    const mixed = [...dana, ...sam].sort((a, b) => a.time - b.time);
    const { actions } = groupActions(mixed);
    expect(actions.map((action) => [action.actor, action.signatureId])).toEqual([
      ['dana.reyes', 'ec2.instances.list'],
      ['sam.lee', 'ec2.volumes.list'],
    ]);
    expect(actions[0]!.eventIds).toHaveLength(2);
  });

  it('gives each event to one action only, the more specific first', () => {
    // The user's Security credentials page, then Create access key: the page's ListAccessKeys
    // belongs to the page, the creation is its own action.
    const calls = [
      ...page('iam:ListAccessKeys iam:ListSSHPublicKeys iam:ListServiceSpecificCredentials iam:ListSigningCertificates', { userName: 'svc-backup' }),
      { key: 'iam:CreateAccessKey', at: 4000, params: { userName: 'svc-backup' } },
    ];
    const { actions } = groupActions(events(calls));
    expect(actions.map((action) => action.signatureId)).toEqual(['iam.user.security-credentials', 'iam.access-key.create']);
    const ids = actions.flatMap((action) => action.eventIds);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads the anchor condition: activating a key is not deactivating it', () => {
    const calls = [{ key: 'iam:UpdateAccessKey', at: 0, params: { userName: 'dana.reyes', accessKeyId: 'AKIAQRSTUVWXEXAMPLE1', status: 'Active' } }];
    expect(groupActions(events(calls)).actions.map((action) => action.signatureId)).toEqual(['iam.access-key.activate']);
  });

  it('leaves unparseable records, records without a time and calls from the SDK ungrouped', () => {
    const broken = normalizeEvent('{"eventName": "ListUsers"');
    const noTime = normalizeEvent({ ...record({ key: 'iam:ListRoles', at: 0 }), eventTime: 'not a time' });
    const sdk = normalizeEvent({ ...record({ key: 'iam:ListRoles', at: 0 }), userAgent: 'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0' });
    const { actions, ungrouped } = groupActions([noTime, sdk, broken]);
    expect(actions).toEqual([]);
    expect(ungrouped).toHaveLength(3);
  });

  it('stays bounded on a storm of calls in one second', () => {
    const storm = events(Array.from({ length: 20_000 }, (_, i) => ({ key: i % 2 ? 'iam:ListAccessKeys' : 'iam:ListMFADevices', at: i % 1000, params: {} })));
    const withList = [...storm, ...events([{ key: 'iam:ListUsers', at: 999, params: {} }])].sort((a, b) => a.time - b.time);
    const { actions, ungrouped } = groupActions(withList);
    expect(actions.map((action) => action.signatureId)).toEqual(['iam.users.list']);
    // The window scan is capped, so most of the storm is left as events, not swallowed whole.
    expect(actions[0]!.eventIds.length).toBeLessThanOrEqual(4001);
    expect(ungrouped.length + actions[0]!.eventIds.length).toBe(withList.length);
  });

  it('refuses a signature that requires more calls than it can count', () => {
    const huge = { id: 'test.huge', service: 'Test', anchor: ['iam:ListUsers'], required: Array.from({ length: 65 }, (_, i) => `iam:Call${i}`), userAgent: 'console' as const, label: ['x'], references: [] };
    expect(() => groupActions([], [huge])).toThrow(/more than 64/);
  });
});
