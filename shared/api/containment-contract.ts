import { z } from 'zod';

import { ContainmentActionSchema, ContainmentOutcomeSchema, ContainmentPlanSchema, LoggedCallSchema, VerificationCheckSchema } from '../containment/schemas';
import { AccessKeyId, Id, ProfileName } from './primitives';

/** An IAM user or role name (IAM allows letters, digits and `+=,.@_-`, up to 64 characters). */
export const IamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'an IAM user or role name');

/** A unique id of a user (AIDA…) or role (AROA…), as IAM writes them. */
export const UniqueId = z.string().regex(/^A[A-Z0-9]{15,127}$/, 'a unique id such as AIDA… or AROA…');

const Target = {
  /** The profile to act with, picked by the analyst (the investigating one may stay read-only). */
  profile: ProfileName,
  kind: z.enum(['user', 'role']),
  name: IamName,
  actions: z.array(ContainmentActionSchema).min(1).max(4),
  accessKeyIds: z.array(AccessKeyId).max(10).optional(),
};

/** One run or undo of the audit log, for the identity's history. */
export const ContainmentRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['run', 'undo']),
  undoOf: z.string().optional(),
  at: z.string(),
  profile: z.string(),
  identity: z.object({ kind: z.enum(['user', 'role']), name: z.string(), uniqueId: z.string() }),
  actions: z.array(ContainmentActionSchema),
  status: z.enum(['done', 'failed', 'refused', 'interrupted']),
  message: z.string().optional(),
  calls: z.array(LoggedCallSchema),
  checks: z.array(VerificationCheckSchema),
  undoneBy: z.string().optional(),
});
export type ContainmentRecord = z.infer<typeof ContainmentRecordSchema>;

/**
 * Containment (DESIGN 2.7): the preview of exact calls, the run (only with the identity's name
 * typed back and the unique id the preview showed: the host checks both), undo, and the history.
 */
export const containmentContract = {
  containmentPreview: { input: z.strictObject(Target), output: ContainmentPlanSchema },
  containmentRun: {
    input: z.strictObject({
      ...Target,
      /** The unique id the preview showed: a user recreated under the same name since is refused. */
      expectedUniqueId: UniqueId,
      /** The identity's name as the analyst typed it to confirm; the host refuses any other text. */
      confirmation: z.string().max(200),
    }),
    output: ContainmentOutcomeSchema,
  },
  containmentUndoPreview: {
    input: z.strictObject({ id: Id }),
    output: z.object({ plan: ContainmentPlanSchema, refused: z.string().nullable() }),
  },
  containmentUndo: { input: z.strictObject({ id: Id, confirmation: z.string().max(200) }), output: ContainmentOutcomeSchema },
  /** The runs and undos on one identity, newest first (all of them without a name). */
  containmentRecords: {
    input: z.strictObject({ kind: z.enum(['user', 'role']).optional(), name: IamName.optional() }),
    output: z.object({ records: z.array(ContainmentRecordSchema), unreadableLines: z.number() }),
  },
} as const;
