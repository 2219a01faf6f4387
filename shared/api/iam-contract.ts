import { z } from 'zod';

import { CredentialReport } from '../iam/credential-report';
import { IdentityContext } from '../iam/types';
import { ProfileName } from './primitives';

/** An IAM user or role name (IAM allows letters, digits and `+=,.@_-`, up to 64 or 128 characters). */
export const IamName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w+=,.@-]+$/, 'an IAM user or role name');

const StatementRefSchema = z.object({ policy: z.string(), policyArn: z.string().nullable(), attachedTo: z.string(), index: z.number(), sid: z.string().nullable() });

const GrantSchema = z.object({
  action: z.string(),
  grantedBy: z.array(StatementRefSchema),
  anyResource: z.boolean(),
  onlySelf: z.boolean(),
  conditional: z.boolean(),
  limitedBy: z.array(StatementRefSchema),
});

export const IdentityReportSchema = z.object({
  context: IdentityContext,
  risk: z.object({
    admin: z.array(StatementRefSchema),
    findings: z.array(
      z.object({
        id: z.string(),
        category: z.enum(['admin', 'privilege-escalation', 'credential-exposure', 'resource-exposure', 'data-access']),
        severity: z.enum(['medium', 'high', 'critical']),
        title: z.string(),
        grants: z.array(GrantSchema),
        references: z.array(z.string()),
      }),
    ),
  }),
  usage: z.object({ granted: z.array(z.string()), used: z.array(z.string()), neverUsed: z.array(z.string()) }),
});
export type IdentityReportData = z.infer<typeof IdentityReportSchema>;

const AuditCallSchema = z.object({
  eventID: z.string(),
  eventName: z.string(),
  eventTime: z.string(),
  by: z.string(),
  sourceIPAddress: z.string(),
  userAgent: z.string(),
  via: z.enum(['console', 'service', 'api']),
  errorCode: z.string().nullable(),
  detail: z.string().nullable(),
});

export const DeletionAuditSchema = z.object({
  userName: z.string(),
  deletions: z.array(z.object({ deleteUser: AuditCallSchema, cleanup: z.array(AuditCallSchema), userId: z.string().nullable() })),
  creations: z.array(AuditCallSchema.extend({ userId: z.string().nullable() })),
  recreatedAfterDeletion: AuditCallSchema.extend({ userId: z.string().nullable(), differentId: z.boolean().nullable() }).nullable(),
});
export type DeletionAuditData = z.infer<typeof DeletionAuditSchema>;

/**
 * IAM, read-only (DESIGN 2.2 `identity` and `users`): who a user or role is and what it can
 * still do, and the account's users from the credential report. `eventSources` are the fetched
 * events' services, counted as used beside IAM's last-accessed data.
 */
export const iamContract = {
  iamIdentity: {
    input: z.strictObject({
      profile: ProfileName,
      /** `accessKey`: `name` is a long-term key id (AKIA…); its user is read. */
      kind: z.enum(['user', 'role', 'accessKey']),
      name: IamName,
      eventSources: z.array(z.string().max(128).regex(/^[\w.-]+$/)).max(500).optional(),
    }),
    output: IdentityReportSchema,
  },
  iamUsers: { input: z.strictObject({ profile: ProfileName }), output: CredentialReport },
  /** Who deleted a user name and how, from CloudTrail's IAM events on it (90 days), and whether the name came back. */
  iamDeletionAudit: { input: z.strictObject({ profile: ProfileName, userName: IamName }), output: DeletionAuditSchema },
} as const;
