import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';

import type { DeletionAuditData, IdentityReportData } from '../../../shared/api/iam-contract';
import type { ApiResult } from '../../../shared/api/errors';
import { IdentityPanel } from '../../../renderer/features/identity/IdentityPanel';

type FakeApi = { iamIdentity: (input: unknown) => Promise<ApiResult<IdentityReportData>>; iamDeletionAudit?: (input: unknown) => Promise<ApiResult<DeletionAuditData>> };
const holder = vi.hoisted(() => ({ current: null as { api: FakeApi } | null }));
vi.mock('../../../renderer/api/bridge', async () => (await import('../workspace/fake-bridge')).fakeBridge(holder));

const hostile = '<img src=x onerror=alert(1)>';

function report(changes: Partial<IdentityReportData['context']> = {}): IdentityReportData {
  return {
    context: {
      kind: 'user', name: 'alice', id: 'AIDAALICEFAKE000001X', arn: 'arn:aws:iam::111122223333:user/alice', path: '/', createDate: null, tags: [{ key: 'note', value: hostile }],
      groups: [{ name: 'developers', arn: 'arn:aws:iam::111122223333:group/developers', id: 'AGPA1' }],
      policies: [
        { name: hostile, kind: 'inline', arn: null, versionId: null, source: { kind: 'user', name: 'alice' }, document: { Statement: [{ Effect: 'Allow', Action: hostile, Resource: '*' }] }, quarantine: false },
        { name: 'AWSCompromisedKeyQuarantineV3', kind: 'aws-managed', arn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3', versionId: 'v1', source: { kind: 'user', name: 'alice' }, document: null, quarantine: true },
      ],
      permissionsBoundary: null, accessKeys: [], mfaDevices: null, console: { enabled: false, createDate: null, passwordResetRequired: null, lastUsed: null }, role: null,
      servicesLastAccessed: null, gaps: [{ action: 'iam:ListMFADevices', reason: 'not-allowed', message: 'not allowed for this profile: iam:ListMFADevices' }], readAt: '2026-12-01T10:00:00.000Z',
      ...changes,
    },
    risk: { admin: [], findings: [] },
    usage: { granted: ['s3'], used: [], neverUsed: ['s3'] },
  };
}

afterEach(cleanup);

describe('IdentityPanel', () => {
  test('the quarantine policy leads, what the profile may not read is listed, and IAM text stays text', async () => {
    const calls: unknown[] = [];
    holder.current = { api: { iamIdentity: async (input) => (calls.push(input), { ok: true, data: report() }) } };
    const { container } = render(<IdentityPanel profile="analyst" userName="alice" eventSources={['s3.amazonaws.com', 'S3.amazonaws.com']} />);
    const alert = await screen.findByText('AWSCompromisedKeyQuarantineV3', { selector: '.identity-quarantine strong' });
    expect(alert).toBeTruthy();
    expect(screen.getByText('Not allowed for this profile: iam:ListMFADevices')).toBeTruthy();
    expect(screen.getAllByText(hostile, { exact: false }).length).toBeGreaterThan(0);
    expect(container.querySelector('img')).toBeNull();
    expect(calls).toEqual([{ profile: 'analyst', kind: 'user', name: 'alice', eventSources: ['s3.amazonaws.com'] }]);
  });

  test('a temporary key says it belongs to a session, and calls nothing', () => {
    holder.current = { api: { iamIdentity: () => Promise.reject(new Error('not called')) } };
    render(<IdentityPanel profile="analyst" userName={null} accessKeyId="ASIATJ4SESSIONTOKENX6" eventSources={[]} />);
    expect(screen.getByText(/belongs to a session/)).toBeTruthy();
  });

  test("a long-term key's user is read through the key", async () => {
    const calls: unknown[] = [];
    holder.current = { api: { iamIdentity: async (input) => (calls.push(input), { ok: true, data: report() }) } };
    render(<IdentityPanel profile="analyst" userName={null} accessKeyId="AKIAALICEFAKE0000001" eventSources={[]} />);
    expect(await screen.findByRole('heading', { name: 'Identity: user alice (key AKIAALICEFAKE0000001)' })).toBeTruthy();
    expect(calls).toEqual([{ profile: 'analyst', kind: 'accessKey', name: 'AKIAALICEFAKE0000001', eventSources: [] }]);
  });

  test("a failure shows the host's message", async () => {
    holder.current = { api: { iamIdentity: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'IAM has no user named "alice".' } }) } };
    render(<IdentityPanel profile="analyst" userName="alice" eventSources={[]} />);
    expect((await screen.findByRole('alert')).textContent).toContain('IAM has no user named "alice".');
  });

  test('a user IAM no longer knows offers the deletion audit: who deleted it, the clean-up, and the name created again', async () => {
    const call = (eventName: string, eventTime: string, detail: string | null = null) => ({
      eventID: `${eventName}-${eventTime}`, eventName, eventTime, by: 'arn:aws:iam::111122223333:user/admin', sourceIPAddress: '198.51.100.9', userAgent: 'aws-cli', via: 'api' as const, errorCode: null, detail,
    });
    const asked: unknown[] = [];
    holder.current = {
      api: {
        iamIdentity: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'IAM has no user named "bob".' } }),
        iamDeletionAudit: async (input) => (asked.push(input), {
          ok: true,
          data: {
            userName: 'bob',
            deletions: [{ deleteUser: call('DeleteUser', '2026-11-20T10:04:00Z'), cleanup: [call('DeleteAccessKey', '2026-11-20T10:00:00Z', 'AKIABOBFAKE000000001')], userId: 'AIDABOBFIRST0000001X' }],
            creations: [],
            recreatedAfterDeletion: { ...call('CreateUser', '2026-11-25T08:00:00Z'), userId: 'AIDABOBSECOND000002X', differentId: true },
          },
        }),
      },
    };
    render(<IdentityPanel profile="analyst" userName="bob" eventSources={[]} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Who deleted it?' }));
    const audit = await screen.findByTestId('identity-deletion');
    expect(audit.textContent).toContain('DeleteUser by arn:aws:iam::111122223333:user/admin from 198.51.100.9 via api (the user AIDABOBFIRST0000001X)');
    expect(audit.textContent).toContain('DeleteAccessKey AKIABOBFAKE000000001');
    expect(audit.textContent).toContain('another identity under the old name');
    expect(asked).toEqual([{ profile: 'analyst', userName: 'bob' }]);
  });
});
