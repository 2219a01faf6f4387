import { z } from 'zod';

import { containmentActions, mutatingApis } from './types';
import type { ActionPlan, BeforeState, ContainedIdentity, ContainmentPlan, IamCall } from './types';
import type { VerificationCheck } from './verify';

/**
 * Schemas of containment's records, for the api's output and for reading the audit log back
 * (a line that does not match is reported as unreadable, never trusted).
 */
export const ContainmentActionSchema = z.enum(containmentActions);

export const IamCallSchema = z.object({
  api: z.enum(mutatingApis),
  params: z.record(z.string(), z.union([z.string(), z.boolean()])),
}) satisfies z.ZodType<IamCall>;

export const ContainedIdentitySchema = z.object({
  kind: z.enum(['user', 'role']),
  name: z.string(),
  uniqueId: z.string(),
  arn: z.string(),
}) satisfies z.ZodType<ContainedIdentity>;

export const BeforeStateSchema = z.object({
  accessKeys: z.array(z.object({ accessKeyId: z.string(), status: z.enum(['Active', 'Inactive']) })).optional(),
  loginProfile: z.object({ exists: z.boolean(), passwordResetRequired: z.boolean().optional() }).optional(),
  attachedPolicyArns: z.array(z.string()).optional(),
  revokePolicy: z.object({ document: z.string().nullable() }).optional(),
}) satisfies z.ZodType<BeforeState>;

export const ActionPlanSchema = z.object({
  action: ContainmentActionSchema,
  calls: z.array(IamCallSchema),
  affects: z.array(z.string()),
  notes: z.array(z.string()),
  reversibility: z.object({ kind: z.enum(['reversible', 'irreversible', 'partly']), how: z.string() }),
  recorded: z.array(z.string()),
}) satisfies z.ZodType<ActionPlan>;

export const ContainmentPlanSchema = z.object({
  identity: ContainedIdentitySchema,
  at: z.string(),
  actions: z.array(ActionPlanSchema),
  before: BeforeStateSchema,
}) satisfies z.ZodType<ContainmentPlan>;

export const VerificationCheckSchema = z.object({
  action: ContainmentActionSchema,
  ok: z.boolean(),
  detail: z.string(),
}) satisfies z.ZodType<VerificationCheck>;

export const CallErrorSchema = z.object({ code: z.string(), message: z.string() });

export const LoggedCallSchema = z.object({
  seq: z.number(),
  call: IamCallSchema,
  outcome: z.enum(['ok', 'failed', 'unknown']),
  error: CallErrorSchema.optional(),
});

/** What a run or an undo did: its record id, plan, each call's outcome, the checks read after it. */
export const ContainmentOutcomeSchema = z.object({
  id: z.string(),
  kind: z.enum(['run', 'undo']),
  undoOf: z.string().optional(),
  profile: z.string(),
  plan: ContainmentPlanSchema,
  calls: z.array(LoggedCallSchema),
  checks: z.array(VerificationCheckSchema),
  status: z.enum(['done', 'failed', 'refused']),
  message: z.string().optional(),
  /** The CLI command that undoes this run (null for an undo, or a run that changed nothing). */
  undoCommand: z.string().nullable(),
  /** The console password an undo of disable-console created: shown once, never stored. */
  newPassword: z.string().optional(),
});
export type ContainmentOutcome = z.infer<typeof ContainmentOutcomeSchema>;
