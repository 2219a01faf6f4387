import { parseDeepLink } from '../../../shared/links/deep-link';

/** The profile a deep link names: one of the listed profiles, or the name it gave that is not one. */
export interface LinkedProfile {
  /** The link's profile, when it is one of the profiles listed. */
  profile: string | null;
  /** The link's profile, when the profiles are listed and it is not among them. */
  unknown: string | null;
}

/**
 * Reads the profile of a deep link against the profiles of the AWS config files. A name that
 * is not among them is reported (once the list is in), never replaced by another profile in
 * silence: the analyst chooses. The name passes the same schema as any api input.
 */
export function linkedProfile(query: string | null, names: readonly string[] | null): LinkedProfile {
  const name = query ? parseDeepLink(query).form.profile : undefined;
  if (!name) return { profile: null, unknown: null };
  if (names === null) return { profile: null, unknown: null };
  return names.includes(name) ? { profile: name, unknown: null } : { profile: null, unknown: name };
}
