import { z } from 'zod';

import { Empty, ProfileName, Region } from './primitives';

/** What the renderer learns about the host it runs in. */
export const AppInfo = z.object({
  name: z.literal('Trailcase'),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  /** Values a deep link or the web host's URL asked to fill the investigation form with. */
  pendingDeepLink: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The kinds of AWS profile the shared config files can hold. */
export const ProfileKind = z.enum(['keys', 'sso', 'role', 'process', 'env', 'demo', 'unknown']);
export type ProfileKind = z.infer<typeof ProfileKind>;

/** Whether an SSO profile's cached login can be used now (see main/services/aws/sso-state.ts). */
export const SsoState = z.enum(['valid', 'refreshable', 'expired', 'none']);
export type SsoState = z.infer<typeof SsoState>;

/** One profile of the shared config and credentials files; never carries a secret. */
export const ProfileSummary = z.object({
  name: ProfileName,
  kind: ProfileKind,
  region: z.string().nullable(),
  /** Role profiles that need an MFA code. */
  mfa: z.boolean(),
  /** The SSO start URL or session name, for SSO profiles. */
  ssoSession: z.string().nullable(),
  /** For SSO profiles, whether the cached login works now; null for other kinds. */
  ssoState: SsoState.nullable(),
  /** Where the profile was found. */
  sources: z.array(z.enum(['config', 'credentials', 'environment', 'builtin'])),
  isDefault: z.boolean(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const ProfileList = z.object({
  profiles: z.array(ProfileSummary),
  /** Problems found in the config files (file and line), shown without hiding the rest. */
  problems: z.array(z.string()),
});
export type ProfileList = z.infer<typeof ProfileList>;

/**
 * The regions a fetch searches unless the analyst narrows them: every region enabled for the
 * profile's account, read with the account's own API (`account`), or the partition's default
 * regions when that call is denied or fails (`partition`, with `reason`), or the demo's (`demo`).
 */
export const RegionDefaults = z.object({
  regions: z.array(Region).min(1).max(64),
  source: z.enum(['account', 'partition', 'demo']),
  /** Why the account's own list could not be read (the service's words: text only). */
  reason: z.string().nullable(),
});
export type RegionDefaults = z.infer<typeof RegionDefaults>;

export const appContract = {
  getAppInfo: { input: Empty, output: AppInfo },
  listProfiles: { input: Empty, output: ProfileList },
  /** Opens an https link in the system browser after the host's allow-list check. */
  openExternal: {
    input: z.strictObject({ url: z.string().max(2048) }),
    output: z.object({ opened: z.boolean(), url: z.string().nullable() }),
  },
  /** The answer to an `mfa.request` stream message (`code: null` cancels). */
  answerMfa: {
    input: z.strictObject({ requestId: z.string().max(80), code: z.string().regex(/^\d{6}$/).nullable() }),
    output: Empty,
  },
  /** Forget cached credentials of a profile so the next call reads the files again (Retry). */
  refreshCredentials: { input: z.strictObject({ profile: ProfileName }), output: Empty },
  /** The regions a fetch with this profile searches by default (RegionDefaults). */
  listRegions: { input: z.strictObject({ profile: ProfileName }), output: RegionDefaults },
} as const;
