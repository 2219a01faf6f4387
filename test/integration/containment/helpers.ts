import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ProfileSettings } from '../../../main/services/aws/credentials';
import { createContainmentService } from '../../../main/services/containment/containment-service';
import { sdkContainmentIam } from '../../../main/services/containment/sdk-containment-iam';
import type { IamCall } from '../../../shared/containment/types';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { investigationAccount } from '../../fakes/iam/fake-iam-fixtures';
import type { FakeIamState, FakeRole, FakeUser } from '../../fakes/iam/fake-iam-state';

export const PLAN_TIME = new Date('2026-12-02T04:30:00.000Z');
export const TEST_PASSWORD = 'Tmp!Passw0rd-ForTheTest';

/** The fake IAM account of the tests: alice (two keys, one Active; a password), the role deploy. */
export function containmentAccount(): FakeIamState {
  const state = investigationAccount();
  const alice = state.users.find((user) => user.userName === 'alice')!;
  alice.accessKeys.push({ accessKeyId: 'AKIAALICEFAKE0000003', status: 'Active', createDate: '2026-11-30T02:00:00Z' });
  return state;
}

/** The containment service of a fresh data folder, acting through the SDK on the fake, on a fixed clock. */
export function serviceOnFake(fake: FakeIam, dataDir = mkdtempSync(join(tmpdir(), 'trailcase-contain-'))) {
  const settings: ProfileSettings = { name: 'responder', kind: 'keys', region: 'eu-west-1', endpoint: (service) => (service === 'IAM' ? fake.url : undefined) };
  const iam = sdkContainmentIam(settings, { accessKeyId: 'AKIARESPONDER0000001', secretAccessKey: 'responder-secret' });
  const service = createContainmentService({ dataDir, iamFor: async () => iam, now: () => PLAN_TIME, newPassword: () => TEST_PASSWORD });
  return { service, dataDir, close: () => iam.destroy() };
}

/** The fake's log of calls that changed IAM, as the plan writes calls (the Query protocol sends every value as text). */
export function sentMutations(fake: FakeIam): { api: string; params: Record<string, string> }[] {
  return fake.mutations().map((call) => {
    const { Action: _action, Version: _version, ...params } = call.params;
    return { api: call.action, params };
  });
}

/** Planned calls as they go on the wire: booleans as `true`/`false`. */
export function onTheWire(calls: IamCall[]): { api: string; params: Record<string, string> }[] {
  return calls.map((call) => ({ api: call.api, params: Object.fromEntries(Object.entries(call.params).map(([name, value]) => [name, String(value)])) }));
}

/** What containment changes on a user or role, to compare before and after. */
export function snapshot(principal: FakeUser | FakeRole) {
  return JSON.parse(
    JSON.stringify({
      keys: 'accessKeys' in principal ? principal.accessKeys.map((key) => [key.accessKeyId, key.status]) : [],
      console: 'accessKeys' in principal ? principal.loginProfile !== undefined : false,
      attached: [...principal.attached].sort(),
      inline: principal.inline,
    }),
  ) as unknown;
}
