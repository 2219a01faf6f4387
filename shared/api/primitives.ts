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

/** A source address as CloudTrail writes `sourceIPAddress`: IPv4, IPv6 or an AWS service's name. */
export const SourceAddress = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\w.:%-]+( [\w.:%-]+)*$/, 'a source address such as 203.0.113.7, 2001:db8::1 or ec2.amazonaws.com');

/** An IAM role name (the part after `role/` in its ARN). */
export const RoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'an IAM role name such as deploy-prod');

/** A resource's name or ARN as CloudTrail records it (`resources[].ARN`, a bucket or key name). */
export const ResourceName = z
  .string()
  .min(1)
  .max(2048)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/, 'a resource name or ARN, without control characters');

/** An `s3://BUCKET[/PREFIX]` URL: a bucket name as S3 allows it, and a prefix without control characters. */
export const S3Url = z
  .string()
  .max(1100)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\u0000-\u001f\u007f-\u009f]{0,1024})?$/, 'an S3 URL such as s3://my-trail-bucket/AWSLogs/');

/**
 * An absolute path on the host's machine. It comes from the renderer or a link, so it is checked:
 * absolute (nothing is read relative to the host's working folder), bounded, no control characters.
 * Never a network path (`\\server\share`, `//server/share`): opening one on Windows connects to
 * that server and offers it the user's NTLM credentials, so a link or a compromised page could
 * send them anywhere. Copy such files to a local folder first.
 */
export const LocalPath = z
  .string()
  .max(4096)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^(\/(?![\\/])|[A-Za-z]:[\\/])[^\u0000-\u001f\u007f]*$/, 'an absolute path such as /home/me/cloudtrail or C:\\logs, on this machine (not a network share)');

/** An Athena (Glue) database or table name. */
export const AthenaName = z.string().regex(/^[A-Za-z0-9_]{1,255}$/, 'letters, digits and _ only');

/** An Athena workgroup name. */
export const AthenaWorkgroup = z.string().regex(/^[\w.-]{1,128}$/, 'letters, digits and _ . - only');

/** An input with no fields. */
export const Empty = z.strictObject({});

/** A short free text (names, notes titles). */
export const ShortText = z.string().max(500);

/** A long free text typed by the analyst (notes, ticket text). */
export const LongText = z.string().max(100_000);
