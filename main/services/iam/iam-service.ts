import type { AwsCredentialIdentity } from '@smithy/types';

import { ApiError } from '../../../shared/api/errors';

import type { IdentityContext } from '../../../shared/iam/types';
import type { CredentialReport } from '../../../shared/iam/credential-report';
import type { DeletionAudit } from '../../../shared/iam-audit/deletion-audit';
import type { HostContext } from '../../hosts/host-context';
import { createCredentialCache, readProfile } from '../aws/credentials';
import { DEMO_PROFILE } from '../aws/profiles';
import { createDemoIamReads } from '../demo/demo-iam';
import { createConcurrencyLimit } from './concurrency';
import { readCredentialReport } from './credential-report-reader';
import { deletionAuditOf } from './deletion-lookup';
import type { IamReads } from './iam-api';
import { accountWideFailure, isAccessDenied } from './iam-errors';
import { readIdentityContext } from './identity-reader';
import { sdkIamReads } from './sdk-iam';

/** IAM calls in flight at once per profile: fast for one identity, well inside IAM's account-wide rates. */
export const IAM_CONCURRENCY = 8;

export interface IamServiceOptions {
  /** Waits between polls of IAM's jobs (tests shorten them). */
  backoffMs?: number[];
  /** The credentials per profile (default: a cache of the shared files' profiles). */
  credentials?: { get(profile: string, signal?: AbortSignal): Promise<AwsCredentialIdentity> };
  /** The demo profile's clock (tests). */
  now?: () => Date;
}

/**
 * IAM for one host, read-only: the identity context of a user or role, and the account's
 * credential report. The demo profile is answered in process; every other profile through the SDK.
 */
export function createIamService(ctx: Pick<HostContext, 'env' | 'askMfaCode'>, options: IamServiceOptions = {}) {
  const credentials = options.credentials ?? createCredentialCache({ env: ctx.env, askMfaCode: ctx.askMfaCode });

  async function withReads<T>(profile: string, signal: AbortSignal | undefined, use: (reads: IamReads) => Promise<T>): Promise<T> {
    // A real profile named "demo" in the shared files wins over the built-in one, as in listProfiles.
    const found = await readProfile(profile, ctx.env).catch((error: unknown) => {
      if (profile === DEMO_PROFILE) return null;
      throw error;
    });
    if (!found) return use(createDemoIamReads(options.now ? { now: options.now } : {}));
    const reads = sdkIamReads(found.settings, await credentials.get(profile, signal), createConcurrencyLimit(IAM_CONCURRENCY));
    try {
      return await use(reads);
    } finally {
      reads.destroy();
    }
  }

  return {
    /** Who this user or role is and what it can still do, as IAM says (DESIGN 2.2 `identity`). */
    identity(request: { profile: string; kind: 'user' | 'role' | 'accessKey'; name: string }, signal?: AbortSignal): Promise<IdentityContext> {
      return withReads(request.profile, signal, async (reads) =>
        readIdentityContext(reads, request.kind === 'accessKey' ? 'user' : request.kind, request.kind === 'accessKey' ? await keyOwner(reads, request.profile, request.name) : request.name, {
          profile: request.profile,
          ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
          ...(signal ? { signal } : {}),
          ...(options.now ? { now: options.now } : {}),
        }),
      );
    },
    /** The credential report, generated when needed (IAM makes at most one every 4 hours), then read and parsed. */
    credentialReport(profile: string, signal?: AbortSignal): Promise<CredentialReport> {
      return withReads(profile, signal, (reads) =>
        readCredentialReport(reads, { profile, ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}), ...(signal ? { signal } : {}) }),
      );
    },
    /** Who deleted a user name, from CloudTrail (read-only; the demo's records in process). */
    deletionAudit(request: { profile: string; userName: string }, signal?: AbortSignal): Promise<DeletionAudit> {
      return deletionAuditOf(request, { env: ctx.env, credentials }, signal);
    },
  };
}

export type IamService = ReturnType<typeof createIamService>;

/** The user of a long-term key; a temporary key (ASIA…) belongs to a session, not to a user IAM can name. */
async function keyOwner(reads: IamReads, profile: string, accessKeyId: string): Promise<string> {
  if (!accessKeyId.startsWith('AKIA')) {
    throw new ApiError('BAD_INPUT', `${accessKeyId} is a temporary key: IAM holds no user for it. Investigate the user or role whose session made it.`);
  }
  try {
    const owner = await reads.accessKeyOwner(accessKeyId);
    if (owner) return owner;
  } catch (error) {
    const fatal = accountWideFailure(error, profile);
    if (fatal) throw fatal;
    if (!isAccessDenied(error)) throw error;
  }
  throw new ApiError('NOT_FOUND', `IAM named no user for key ${accessKeyId} (profile "${profile}" may not call iam:GetAccessKeyLastUsed, or the key is not of this account).`);
}
