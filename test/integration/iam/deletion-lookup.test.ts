import { afterEach, describe, expect, test } from 'vitest';

import { createCredentialCache } from '../../../main/services/aws/credentials';
import { deletionAuditOf } from '../../../main/services/iam/deletion-lookup';
import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { startFakeIam } from '../../fakes/iam/fake-iam';
import type { FakeIam } from '../../fakes/iam/fake-iam';
import { ANALYST_KEY, iamHome } from './helpers';

let cloudtrail: FakeCloudTrail;
let iam: FakeIam;
let home: ReturnType<typeof iamHome>;

afterEach(async () => {
  await cloudtrail?.close();
  await iam?.close();
  home?.cleanup();
});

describe('the deletion lookup', () => {
  test("asks LookupEvents for the user name as ResourceName, in us-east-1 where IAM's events are, over CloudTrail's 90 days, through the profile's endpoint", async () => {
    cloudtrail = await startFakeCloudTrail({ events: [], callsPerSecond: 0 });
    iam = await startFakeIam();
    home = iamHome(iam);
    const env = { ...home.env, AWS_ENDPOINT_URL_CLOUDTRAIL: cloudtrail.url };
    const credentials = createCredentialCache({ env, askMfaCode: () => Promise.reject(new Error('no MFA')) });
    const audit = await deletionAuditOf({ profile: 'analyst', userName: 'bob' }, { env, credentials });
    expect(audit).toEqual({ userName: 'bob', deletions: [], creations: [], recreatedAfterDeletion: null });
    const [call] = cloudtrail.lookups();
    expect(call).toMatchObject({ region: 'us-east-1', accessKeyId: ANALYST_KEY, body: { LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'bob' }], MaxResults: 50 } });
    const body = call!.body as { StartTime: number; EndTime: number };
    expect(Math.round((body.EndTime - body.StartTime) / 86_400)).toBe(90);
    expect(iam.calls).toEqual([]);
  });
});
