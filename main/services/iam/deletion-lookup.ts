import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';
import { auditDeletion } from '../../../shared/iam-audit/deletion-audit';
import type { DeletionAudit } from '../../../shared/iam-audit/deletion-audit';
import type { CloudTrailRecord } from '../../../shared/records/types';
import { awsClientOptions } from '../aws/client-options';
import { readProfile } from '../aws/credentials';
import { DEMO_PROFILE } from '../aws/profiles';
import { toLookupApiError } from '../cloudtrail/lookup-errors';
import { demoAccount } from '../demo/demo-account';
import { iamRegion } from './sdk-iam';

/** LookupEvents allows 2 calls a second per account and region; the pages of one query go one by one. */
const PAGE_GAP_MS = 550;
const MAX_PAGES = 40;
const NINETY_DAYS = 90 * 86_400_000;

function parsed(raw: string | undefined): CloudTrailRecord[] {
  try {
    const record: unknown = JSON.parse(raw ?? '');
    return record && typeof record === 'object' ? [record as CloudTrailRecord] : [];
  } catch {
    return [];
  }
}

/**
 * The IAM events that name a user as their resource (LookupEvents' ResourceName), in the region
 * where IAM's events are recorded (us-east-1), for CloudTrail's 90 days: at most 2,000 events.
 */
async function lookupByResourceName(client: CloudTrailClient, userName: string, signal?: AbortSignal): Promise<CloudTrailRecord[]> {
  const records: CloudTrailRecord[] = [];
  let token: string | undefined;
  const end = new Date();
  const start = new Date(end.getTime() - NINETY_DAYS);
  for (let page = 0; page < MAX_PAGES; page += 1) {
    if (page > 0) await new Promise((resolve) => setTimeout(resolve, PAGE_GAP_MS));
    const answer = await client.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: userName }], StartTime: start, EndTime: end, MaxResults: 50, ...(token ? { NextToken: token } : {}) }),
      signal ? { abortSignal: signal } : {},
    );
    for (const event of answer.Events ?? []) records.push(...parsed(event.CloudTrailEvent));
    token = answer.NextToken;
    if (!token) break;
  }
  return records;
}

/**
 * The deletion audit of a user name (DESIGN: "auditing user deletion"), read-only: CloudTrail's
 * records of IAM calls on that name, then who deleted it, the clean-up before, and whether the
 * name was created again. The demo profile reads the demo account's records in process.
 */
export async function deletionAuditOf(
  request: { profile: string; userName: string },
  deps: { env: NodeJS.ProcessEnv; credentials: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> } },
  signal?: AbortSignal,
): Promise<DeletionAudit> {
  const found = await readProfile(request.profile, deps.env).catch((error: unknown) => {
    if (request.profile === DEMO_PROFILE) return null;
    throw error;
  });
  if (!found) {
    const records = [...demoAccount().byRegion.values()].flat().flatMap((event) => parsed(event.raw));
    return auditDeletion(records, request.userName);
  }
  const region = iamRegion(found.settings.region);
  const client = new CloudTrailClient({ ...awsClientOptions('CLOUDTRAIL', found.settings, { region }), credentials: await deps.credentials.get(request.profile, signal) });
  try {
    return auditDeletion(await lookupByResourceName(client, request.userName, signal), request.userName);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw toLookupApiError(error, { profile: request.profile, region });
  } finally {
    client.destroy();
  }
}
