import { z } from 'zod';

/**
 * Schemas of the values that cross every boundary. Each is bounded in length and character set:
 * input comes from a renderer that shows attacker-written text, from deep links and from the CLI.
 */

/** A named profile of the shared AWS config files (`demo` is the built-in demo source). */
export const ProfileName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w.@+=,:/-]+$/, 'letters, digits and _ . @ + = , : / - only');

/** An AWS region code such as `eu-west-1` or `us-gov-west-1`. */
export const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'an AWS region such as us-east-1');

/** An IAM user name, a role session name or an SSO user name (LookupEvents' `Username`). */
export const UserName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w+=,.@:/-]+$/, 'an IAM user name or role session name');

/** An access key id: long-term (AKIA) or temporary (ASIA). */
export const AccessKeyId = z.string().regex(/^A[KS]IA[A-Z0-9]{12,124}$/, 'an access key id such as AKIA…');

/** An ISO 8601 instant with an offset (`2026-11-01T00:00:00Z`). */
export const IsoTime = z.iso.datetime({ offset: true });

/** An opaque id minted by the host. */
export const Id = z.string().regex(/^[\w-]{1,80}$/, 'an id');

/** The identity an investigation is about. */
export const Identity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userName: UserName }),
  z.strictObject({ kind: z.literal('accessKey'), accessKeyId: AccessKeyId }),
]);
export type Identity = z.infer<typeof Identity>;

/** An input with no fields. */
export const Empty = z.strictObject({});

/** A short free text (names, notes titles). */
export const ShortText = z.string().max(500);

/** A long free text typed by the analyst (notes, ticket text). */
export const LongText = z.string().max(100_000);
