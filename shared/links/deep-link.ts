import { z } from 'zod';

import { AccessKeyId, IsoTime, ProfileName, Region, UserName } from '../api/primitives';
import { parseSince } from '../time/presets';
import { parseQueryString } from './query-string';

/** What a deep link may fill in the investigation form; every part is optional. */
export interface DeepLinkForm {
  profile?: string;
  identity?: { kind: 'user'; userName: string } | { kind: 'accessKey'; accessKeyId: string };
  regions?: string[];
  range?: { kind: 'since'; since: string } | { kind: 'absolute'; start: string; end: string };
}

/** A parsed link: what was valid, and a message for each part that was not (shown to the analyst). */
export interface DeepLinkResult {
  form: DeepLinkForm;
  errors: string[];
}

const RegionList = z.string().max(1000).transform((text, ctx) => {
  const regions = [...new Set(text.split(',').map((r) => r.trim()).filter(Boolean))];
  if (regions.length === 0 || regions.length > 32 || !regions.every((r) => Region.safeParse(r).success)) {
    ctx.addIssue({ code: 'custom', message: 'regions must be a comma-separated list of AWS regions' });
    return z.NEVER;
  }
  return regions;
});

function take<T>(schema: z.ZodType<T>, value: string | undefined, name: string, errors: string[]): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(`The link's ${name} is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return undefined;
}

function rangeOf(params: Map<string, string>, errors: string[]): DeepLinkForm['range'] {
  const since = params.get('since');
  if (since !== undefined) {
    if (parseSince(since) !== null) return { kind: 'since', since };
    errors.push("The link's since is not valid: use a duration such as 24h or 7d (at most 90d).");
    return undefined;
  }
  const start = take(IsoTime, params.get('start'), 'start', errors);
  const end = take(IsoTime, params.get('end'), 'end', errors);
  if (start === undefined || end === undefined) return undefined;
  if (Date.parse(start) >= Date.parse(end)) {
    errors.push("The link's start is not before its end.");
    return undefined;
  }
  return { kind: 'absolute', start, end };
}

/**
 * Reads a deep link (`trailcase://investigate?profile=P&user=U…`) or just its query string.
 * Values are validated with the same schemas as the api; invalid ones are dropped and reported,
 * so a hostile link can fill nothing but valid form values. A link never starts a fetch.
 */
export function parseDeepLink(input: string): DeepLinkResult {
  const errors: string[] = [];
  const params = parseQueryString(input.slice(0, 10_000));
  const form: DeepLinkForm = {};
  const profile = take(ProfileName, params.get('profile'), 'profile', errors);
  if (profile !== undefined) form.profile = profile;
  const userName = take(UserName, params.get('user'), 'user', errors);
  const accessKeyId = take(AccessKeyId, params.get('accessKeyId'), 'access key id', errors);
  if (userName !== undefined && accessKeyId !== undefined) errors.push('The link names both a user and an access key id; the user is used.');
  if (userName !== undefined) form.identity = { kind: 'user', userName };
  else if (accessKeyId !== undefined) form.identity = { kind: 'accessKey', accessKeyId };
  const regions = take(RegionList, params.get('regions'), 'regions', errors);
  if (regions !== undefined) form.regions = regions;
  const range = rangeOf(params, errors);
  if (range !== undefined) form.range = range;
  return { form, errors };
}
