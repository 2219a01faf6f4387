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
