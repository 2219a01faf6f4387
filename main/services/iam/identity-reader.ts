import { ApiError } from '../../../shared/api/errors';
import type { IamGap, IdentityContext } from '../../../shared/iam/types';
import type { IamReads, IamRoleRecord, IamUserRecord, ManagedPolicyRecord } from './iam-api';
import { accountWideFailure, failedAction, isAccessDenied, isNoSuchEntity, serviceText } from './iam-errors';
import { servicesLastAccessed } from './last-accessed';
import type { Attempt } from './policy-reader';
import { quarantineFirst, readPolicies } from './policy-reader';

export interface ReadIdentityOptions {
  profile: string;
  backoffMs?: number[];
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * The IAM context of one user or role, read-only and in parallel (through the reads' own
 * concurrency limit). A call the profile may not make is listed as "not allowed for this profile:
 * iam:X" and the rest still shows; an identity IAM does not know is NOT_FOUND.
 */
export async function readIdentityContext(reads: IamReads, kind: 'user' | 'role', name: string, options: ReadIdentityOptions): Promise<IdentityContext> {
  const gaps: IamGap[] = [];
  const attempt: Attempt = async (action, read, fallback) => {
    try {
      return await read();
    } catch (error) {
      const fatal = accountWideFailure(error, options.profile);
      if (fatal) throw fatal;
      const failed = failedAction(error, action);
      if (isAccessDenied(error)) gaps.push({ action: failed, reason: 'not-allowed', message: `not allowed for this profile: ${failed}` });
      else gaps.push({ action: failed, reason: 'failed', message: `${failed} failed: ${serviceText(error)}` });
      return fallback;
    }
  };
  const principal = readPrincipal(reads, kind, name, options.profile, attempt);
  const managed = new Map<string, Promise<ManagedPolicyRecord | null>>();
  const user = kind === 'user';
  const groups = user ? attempt('ListGroupsForUser', () => reads.listGroupsForUser(name), null) : Promise.resolve(null);
  const ownPolicies = readPolicies(reads, attempt, kind, name, managed);
  const groupPolicies = groups.then((list) => Promise.all((list ?? []).map((group) => readPolicies(reads, attempt, 'group', group.name, managed))));
  const keys = user
    ? attempt('ListAccessKeys', () => reads.listAccessKeys(name), null).then((list) =>
        list === null
          ? null
          : Promise.all(list.map(async (key) => ({ ...key, lastUsed: await attempt('GetAccessKeyLastUsed', () => reads.getAccessKeyLastUsed(key.accessKeyId), null) }))),
      )
    : Promise.resolve(null);
  const mfa = user ? attempt('ListMFADevices', () => reads.listMfaDevices(name), null) : Promise.resolve(null);
  const login = user ? readLoginProfile(reads, name, attempt) : Promise.resolve(undefined);
  const lastAccessed = principal.then((found) =>
    found.arn ? attempt('GenerateServiceLastAccessedDetails', () => servicesLastAccessed(reads, found.arn, options), null) : null,
  );
  const boundary = principal.then(async (found) =>
    found.permissionsBoundaryArn
      ? { arn: found.permissionsBoundaryArn, document: (await attempt('GetPolicy', () => reads.getManagedPolicy(found.permissionsBoundaryArn!), null))?.document ?? null }
      : null,
  );
  // One Promise.all over every read: a fatal failure of any is reported, none is left unhandled.
  const [found, groupList, own, fromGroups, accessKeys, mfaDevices, loginProfile, services, permissionsBoundary] = await Promise.all([
    principal, groups, ownPolicies, groupPolicies, keys, mfa, login, lastAccessed, boundary,
  ]);
  const role = 'assumeRolePolicy' in found ? (found as IamRoleRecord) : null;
  return {
    kind,
    name: found.name,
    id: found.id,
    arn: found.arn,
    path: found.path,
    createDate: found.createDate,
    tags: found.tags,
    groups: groupList,
    policies: quarantineFirst([...own, ...fromGroups.flat()]),
    permissionsBoundary,
    accessKeys,
    mfaDevices,
    console:
      loginProfile === undefined
        ? null
        : loginProfile === null
          ? { enabled: false, createDate: null, passwordResetRequired: null, lastUsed: null }
          : { enabled: true, ...loginProfile, lastUsed: (found as IamUserRecord).passwordLastUsed ?? null },
    role: role ? { assumeRolePolicy: role.assumeRolePolicy, description: role.description, maxSessionDuration: role.maxSessionDuration, lastUsed: role.lastUsed } : null,
    servicesLastAccessed: services,
    gaps: gaps.sort((a, b) => a.action.localeCompare(b.action)),
    readAt: (options.now ?? (() => new Date()))().toISOString(),
  };
}

type Found = (IamUserRecord | IamRoleRecord) & { permissionsBoundaryArn: string | null };

async function readPrincipal(reads: IamReads, kind: 'user' | 'role', name: string, profile: string, attempt: Attempt): Promise<Found> {
  try {
    return kind === 'user' ? await reads.getUser(name) : await reads.getRole(name);
  } catch (error) {
    if (isNoSuchEntity(error)) {
      throw new ApiError(
        'NOT_FOUND',
        `IAM has no ${kind} named "${name}" in the account of profile "${profile}". Check the spelling${kind === 'user' ? `, or run \`trailcase identity --user ${name} --deleted\` to see whether and by whom it was deleted` : ''}.`,
      );
    }
    if (!isAccessDenied(error)) throw accountWideFailure(error, profile) ?? new ApiError('NETWORK', `IAM's ${kind === 'user' ? 'GetUser' : 'GetRole'} failed: ${serviceText(error)}`);
    // Not allowed to read the identity itself: the name is all we know; the other reads still run.
    await attempt(kind === 'user' ? 'GetUser' : 'GetRole', () => Promise.reject(error), null);
    const base = { name, id: '', arn: '', path: '/', createDate: null, permissionsBoundaryArn: null, tags: [] };
    return kind === 'user' ? { ...base, passwordLastUsed: null } : { ...base, assumeRolePolicy: null, description: null, maxSessionDuration: null, lastUsed: null };
  }
}

/** The console password: null when the user has none (NoSuchEntity), undefined when it could not be read. */
async function readLoginProfile(reads: IamReads, name: string, attempt: Attempt) {
  return attempt(
    'GetLoginProfile',
    async () => {
      try {
        return await reads.getLoginProfile(name);
      } catch (error) {
        if (isNoSuchEntity(error)) return null;
        throw error;
      }
    },
    undefined,
  );
}
