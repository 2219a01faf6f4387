/**
 * IAM benchmark. (1) The identity context of a user with 20 policies (12 managed and 4 inline on
 * the user, 2 groups with 2 managed each), 2 keys, MFA, console and services last accessed,
 * against the fake IAM answering each call after 100 ms (BENCH_IAM_LATENCY_MS), through the real
 * client, with the risk analysis. Target: under 3 s. (2) The credential report of 5,000 users
 * (BENCH_IAM_USERS): fetched from the fake, parsed, filtered to the inactive, and laid out as the
 * table and the CSV. Target: under 1 s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { inactiveUsers, parseCredentialReport } from '../shared/iam/credential-report';
import { identityText } from '../shared/iam/identity-text';
import { usersCsv, usersTable } from '../shared/iam/users-table';
import { createIamService } from '../main/services/iam/iam-service';
import { buildIdentityReport } from '../main/services/iam/identity-report';
import { startFakeIam } from '../test/fakes/iam/fake-iam';
import { credentialReportCsv } from '../test/fakes/iam/fake-iam-jobs';
import { fakeGroup, fakeIamState, fakePolicy, fakeUser } from '../test/fakes/iam/fake-iam-state';
import type { FakeIamState } from '../test/fakes/iam/fake-iam-state';

const LATENCY = Number(process.env.BENCH_IAM_LATENCY_MS ?? 100);
const USERS = Number(process.env.BENCH_IAM_USERS ?? 5000);
const DAY = 86_400_000;

function twentyPolicies(): FakeIamState {
  const state = fakeIamState();
  const managed = Array.from({ length: 16 }, (_, index) =>
    fakePolicy(state.account, `Team${index}`, { Version: '2012-10-17', Statement: [{ Sid: `S${index}`, Effect: 'Allow', Action: [`s3:Get*`, `ec2:Describe*`, index % 4 === 0 ? 'iam:PassRole' : 'logs:Get*'], Resource: '*' }] }),
  );
  state.policies.push(...managed);
  state.groups.push(fakeGroup('g1', { attached: [managed[12]!.arn, managed[13]!.arn] }), fakeGroup('g2', { attached: [managed[14]!.arn, managed[15]!.arn] }));
  const inline = Object.fromEntries(Array.from({ length: 4 }, (_, index) => [`inline-${index}`, JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }] })]));
  state.users.push(
    fakeUser('bench', {
      groups: ['g1', 'g2'],
      attached: managed.slice(0, 12).map((policy) => policy.arn),
      inline,
      accessKeys: [
        { accessKeyId: 'AKIABENCHFAKE0000001', status: 'Active', createDate: '2025-01-01T00:00:00Z', lastUsed: { date: '2026-11-30T00:00:00Z', serviceName: 's3', region: 'us-east-1' } },
        { accessKeyId: 'AKIABENCHFAKE0000002', status: 'Inactive', createDate: '2025-06-01T00:00:00Z' },
      ],
      mfaDevices: [{ serialNumber: 'arn:aws:iam::111122223333:mfa/bench', enableDate: '2025-01-02T00:00:00Z' }],
      loginProfile: { createDate: '2025-01-01T00:00:00Z', passwordResetRequired: false },
    }),
  );
  state.serviceAccess['arn:aws:iam::111122223333:user/bench'] = [{ serviceName: 'Amazon S3', serviceNamespace: 's3', lastAuthenticated: '2026-11-30T00:00:00Z', totalAuthenticatedEntities: 1 }];
  return state;
}

function manyUsers(count: number): FakeIamState {
  const state = fakeIamState();
  const now = Date.now();
  for (let index = 0; index < count; index += 1) {
    const used = index % 3 === 0 ? undefined : { date: new Date(now - (index % 400) * DAY).toISOString(), serviceName: 's3', region: 'eu-west-1' };
    state.users.push(
      fakeUser(`user-${index}`, {
        userId: `AIDABENCH${String(index).padStart(11, '0')}`,
        createDate: new Date(now - (500 + (index % 300)) * DAY).toISOString(),
        accessKeys: [{ accessKeyId: `AKIABENCH${String(index).padStart(11, '0')}`, status: 'Active', createDate: new Date(now - 450 * DAY).toISOString(), ...(used ? { lastUsed: used } : {}) }],
        ...(index % 2 === 0 ? { loginProfile: { createDate: new Date(now - 500 * DAY).toISOString(), passwordResetRequired: false }, passwordLastUsed: new Date(now - (index % 200) * DAY).toISOString() } : {}),
      }),
    );
  }
  return state;
}

function home(url: string) {
  const dir = mkdtempSync(join(tmpdir(), 'trailcase-bench-iam-'));
  mkdirSync(join(dir, '.aws'));
  writeFileSync(join(dir, '.aws', 'config'), '[profile bench]\nregion = us-east-1\n');
  writeFileSync(join(dir, '.aws', 'credentials'), '[bench]\naws_access_key_id = AKIABENCHANALYST0001\naws_secret_access_key = benchSecret\n');
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, '.aws', 'credentials'), AWS_ENDPOINT_URL_IAM: url };
  return { env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const askMfaCode = () => Promise.reject(new Error('no MFA in the benchmark'));

export async function benchIam(): Promise<void> {
  console.log(`load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} (figures scale with it on a shared machine)`);
  const fake = await startFakeIam({ state: twentyPolicies(), latencyMs: LATENCY, lastAccessedPolls: 1 });
  const first = home(fake.url);
  try {
    const service = createIamService({ env: first.env, askMfaCode });
    const started = performance.now();
    const context = await service.identity({ profile: 'bench', kind: 'user', name: 'bench' });
    const read = performance.now();
    const report = await buildIdentityReport(context);
    const text = identityText(report, Date.now());
    const done = performance.now();
    const peak = fake.calls.reduce((max, call) => Math.max(max, fake.calls.filter((other) => Math.abs(other.at - call.at) < LATENCY / 2).length), 0);
    console.log(`identity context, ${context.policies.length} policies, ${fake.calls.length} IAM calls at ${LATENCY} ms each (about ${peak} in flight at once): read ${Math.round(read - started)} ms, risk analysis and text ${Math.round(done - read)} ms, total ${Math.round(done - started)} ms (target < 3000 ms; ${text.split('\n').length} lines)`);
  } finally {
    await fake.close();
    first.cleanup();
  }

  const state = manyUsers(USERS);
  const large = await startFakeIam({ state });
  const second = home(large.url);
  try {
    const csvText = credentialReportCsv(state);
    const parseStart = performance.now();
    const parsed = parseCredentialReport(csvText);
    const shownNow = Date.now();
    const inactive = inactiveUsers(parsed, 90, shownNow);
    const table = usersTable(inactive, shownNow);
    const shown = performance.now();
    const csv = usersCsv(inactive, shownNow);
    const exported = performance.now();
    console.log(`credential report of ${parsed.length - 1} users (${(csvText.length / 1e6).toFixed(1)} MB): parsed, ${inactive.length} inactive filtered and the table (${(table.length / 1e6).toFixed(1)} MB) laid out in ${Math.round(shown - parseStart)} ms (target < 1000 ms); their CSV export (${(csv.length / 1e6).toFixed(1)} MB) ${Math.round(exported - shown)} ms`);
    const service = createIamService({ env: second.env, askMfaCode }, { backoffMs: [50, 100, 200] });
    const fetchStart = performance.now();
    const report = await service.credentialReport('bench');
    const fetched = performance.now();
    usersTable(inactiveUsers(report.users, 90, Date.now()), Date.now());
    console.log(`the same through the IAM client from the fake (generate, get, base64, parse, table): ${Math.round(performance.now() - fetchStart)} ms (fetch and parse ${Math.round(fetched - fetchStart)} ms)`);
  } finally {
    await large.close();
    second.cleanup();
  }
}
