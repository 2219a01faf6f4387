import { z } from 'zod';

/** Where a policy comes from: the identity itself or one of its groups. */
export const PolicySource = z.object({ kind: z.enum(['user', 'role', 'group']), name: z.string() });

/**
 * One policy that applies to the identity: a managed policy (customer or AWS) or an inline one,
 * with its document as IAM stores it (URL-decoded JSON), or null when it could not be read.
 */
export const IamPolicy = z.object({
  name: z.string(),
  kind: z.enum(['aws-managed', 'customer-managed', 'inline']),
  arn: z.string().nullable(),
  versionId: z.string().nullable(),
  source: PolicySource,
  document: z.unknown().nullable(),
  /** One of AWS's own `AWSCompromisedKeyQuarantine*` policies: AWS saw this identity's key exposed. */
  quarantine: z.boolean(),
});
export type IamPolicy = z.infer<typeof IamPolicy>;

export const IamAccessKey = z.object({
  accessKeyId: z.string(),
  status: z.string(),
  createDate: z.string().nullable(),
  /** The last use IAM recorded (null: never used, or not allowed to read it). */
  lastUsed: z.object({ date: z.string(), serviceName: z.string().nullable(), region: z.string().nullable() }).nullable(),
});
export type IamAccessKey = z.infer<typeof IamAccessKey>;

export const ServiceLastAccessed = z.object({
  serviceName: z.string(),
  serviceNamespace: z.string(),
  lastAuthenticated: z.string().nullable(),
  lastAuthenticatedEntity: z.string().nullable(),
  lastAuthenticatedRegion: z.string().nullable(),
});
export type ServiceLastAccessed = z.infer<typeof ServiceLastAccessed>;

/** Why a part of the context is missing: the profile may not call it, or the call failed. */
export const IamGap = z.object({ action: z.string(), reason: z.enum(['not-allowed', 'failed']), message: z.string() });
export type IamGap = z.infer<typeof IamGap>;

/** Everything IAM says about one user or role, read-only. Parts the profile could not read are null, with a gap. */
export const IdentityContext = z.object({
  kind: z.enum(['user', 'role']),
  name: z.string(),
  /** The unique id (`AIDA…`, `AROA…`): identities are keyed by it, never by a name alone. */
  id: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.string().nullable(),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  groups: z.array(z.object({ name: z.string(), arn: z.string(), id: z.string() })).nullable(),
  /** Quarantine policies first, then the identity's own, then each group's. */
  policies: z.array(IamPolicy),
  permissionsBoundary: z.object({ arn: z.string(), document: z.unknown().nullable() }).nullable(),
  accessKeys: z.array(IamAccessKey).nullable(),
  mfaDevices: z.array(z.object({ serialNumber: z.string(), enableDate: z.string().nullable() })).nullable(),
  /** The console password: enabled (with its creation and last use), absent, or unknown (null). */
  console: z
    .object({ enabled: z.boolean(), createDate: z.string().nullable(), passwordResetRequired: z.boolean().nullable(), lastUsed: z.string().nullable() })
    .nullable(),
  role: z
    .object({
      assumeRolePolicy: z.unknown().nullable(),
      description: z.string().nullable(),
      maxSessionDuration: z.number().nullable(),
      lastUsed: z.object({ date: z.string().nullable(), region: z.string().nullable() }).nullable(),
    })
    .nullable(),
  servicesLastAccessed: z
    .object({ services: z.array(ServiceLastAccessed), completedAt: z.string().nullable(), note: z.string() })
    .nullable(),
  gaps: z.array(IamGap),
  readAt: z.string(),
});
export type IdentityContext = z.infer<typeof IdentityContext>;

/** IAM's note on services last accessed, shown with the data. */
export const LAST_ACCESSED_NOTE =
  'IAM reports service access with a lag of up to 4 hours: activity in the last hours may be missing.';

/** The quarantine policies AWS attaches itself when it finds an exposed key (V1 to V3 so far). */
export const isQuarantinePolicy = (name: string) => /^AWSCompromisedKeyQuarantine/.test(name);
