import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createContainmentHandlers } from '../../../main/hosts/handlers/containment-handlers';
import type { HostContext } from '../../../main/hosts/host-context';
import { createDemoIamReads } from '../../../main/services/demo/demo-iam';
import { attacker, users } from '../../../main/services/demo/demo-identities';
import { containmentActions } from '../../../shared/containment/types';

function handlers() {
  const home = mkdtempSync(join(tmpdir(), 'trailcase-contain-demo-'));
  const env = { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials') };
  const ctx = { env, dataDir: join(home, 'data') } as unknown as HostContext;
  return createContainmentHandlers(ctx, { get: () => Promise.reject(new Error('the demo needs no credentials')) });
}

const jmorales = { profile: 'demo', kind: 'user' as const, name: 'jmorales', actions: [...containmentActions] };

describe('containment in the app, on the demo account', () => {
  it('previews jmorales: both keys, the password, AWSDenyAll and the revoke policy', async () => {
    const plan = await handlers().containmentPreview(jmorales);
    expect(plan.identity.uniqueId).toBe(users.jmorales.principalId);
    expect(plan.actions.flatMap((a) => a.calls).map((c) => c.params.AccessKeyId ?? c.api)).toEqual([
      users.jmorales.accessKeyId,
      attacker.newAccessKeyId,
      'DeleteLoginProfile',
      'AttachUserPolicy',
      'PutUserPolicy',
    ]);
  });

  it('runs only with the name typed back, and the Identity panel then reads jmorales contained; undo puts it back', async () => {
    const api = handlers();
    const plan = await api.containmentPreview(jmorales);
    await expect(api.containmentRun({ ...jmorales, expectedUniqueId: plan.identity.uniqueId, confirmation: 'jmorale' })).rejects.toThrow('Type the name jmorales exactly to confirm.');
    const reads = createDemoIamReads();
    expect((await api.containmentRecords({})).records).toEqual([]);

    const outcome = await api.containmentRun({ ...jmorales, expectedUniqueId: plan.identity.uniqueId, confirmation: 'jmorales' });
    expect(outcome.status).toBe('done');
    expect(outcome.checks.every((check) => check.ok)).toBe(true);
    expect((await reads.listAccessKeys('jmorales')).map((key) => key.status)).toEqual(['Inactive', 'Inactive']);
    await expect(reads.getLoginProfile('jmorales')).rejects.toThrow(/cannot be found/);

    await expect(api.containmentUndo({ id: outcome.id, confirmation: 'priya.shah' })).rejects.toThrow('Type the name jmorales exactly');
    const undo = await api.containmentUndo({ id: outcome.id, confirmation: 'jmorales' });
    expect(undo.checks.every((check) => check.ok)).toBe(true);
    expect((await reads.listAccessKeys('jmorales')).map((key) => key.status)).toEqual(['Active', 'Active']);
    expect((await reads.listAttachedPolicies('user', 'jmorales')).map((p) => p.name)).toEqual(['AdministratorAccess']);

    const history = await api.containmentRecords({ kind: 'user', name: 'jmorales' });
    expect(history.records.map((r) => [r.kind, r.status])).toEqual([
      ['undo', 'done'],
      ['run', 'done'],
    ]);
    expect(history.records[1]!.undoneBy).toBe(undo.id);
  });

  it('refuses a run whose preview showed another unique id', async () => {
    const outcome = await handlers().containmentRun({ ...jmorales, actions: ['deny-all'], expectedUniqueId: 'AIDAOLDJMORALES00001', confirmation: 'jmorales' });
    expect(outcome.status).toBe('refused');
    expect(outcome.calls).toEqual([]);
  });
});
