import { describe, expect, test } from 'vitest';

import { spawnCli } from '../cli/spawn-cli';

describe('trailcase identity on the demo account', () => {
  test('jmorales: the attacker\'s key, AdministratorAccess and the groups, read in process', async () => {
    const result = await spawnCli(['identity', '--profile', 'demo', '--user', 'jmorales', '--json']);
    expect(result.code).toBe(0);
    const { identity, risk } = JSON.parse(result.stdout) as {
      identity: { id: string; groups: { name: string }[]; policies: { name: string }[]; accessKeys: { accessKeyId: string }[]; console: { enabled: boolean }; mfaDevices: unknown[] };
      risk: { admin: { policy: string }[] };
    };
    expect(identity.id).toBe('AIDATJ4MORALES7XK2Q');
    expect(identity.groups.map((group) => group.name)).toEqual(['developers', 'console-users']);
    expect(identity.policies[0]!.name).toBe('AdministratorAccess');
    expect(identity.accessKeys.map((key) => key.accessKeyId)).toEqual(['AKIATJ4MORALESK3Y7Q2', 'AKIATJ4MORALESNEW5Z8']);
    expect(identity.console.enabled).toBe(true);
    expect(identity.mfaDevices).toEqual([]);
    expect(risk.admin.map((ref) => ref.policy)).toEqual(['AdministratorAccess']);
  });

  test('--deleted audits a user name from the records: support-backup was created by the attacker\'s role session, never deleted', async () => {
    const result = await spawnCli(['identity', '--profile', 'demo', '--user', 'support-backup', '--deleted']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No DeleteUser of this name');
    expect(result.stdout).toMatch(/Created .* by arn:aws:sts::210987654321:assumed-role\/prod-admin\/maint-0412 as AIDATSUPPORTBACKUP4Q/);
  });

  test('users --inactive 90d on the demo lists old-contractor, not the active people', async () => {
    const result = await spawnCli(['users', '--profile', 'demo', '--inactive', '90d']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('old-contractor');
    expect(result.stdout).not.toContain('priya.shah');
  });
});
