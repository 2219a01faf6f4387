import { FetchQuery, subjectValue } from '../../../shared/api/fetch-contract';
import type { SubjectKind } from '../../../shared/api/fetch-contract';
import type { DeepLinkForm } from '../../../shared/links/deep-link';
import { maxLookbackMs, parseSince, rangeFromSince } from '../../../shared/time/presets';
import { defaultSourceValues, sourceFromValues, sourceValuesOf, subjectKindsOf } from './source-model';
import type { SourceValues } from './source-model';

/** The investigation form as the analyst edits it (strings, before validation). */
export interface FormValues {
  regions: string[];
  identityKind: SubjectKind;
  identityValue: string;
  range: { kind: 'since'; since: string } | { kind: 'custom'; start: string; end: string };
  followSessions: boolean;
  /** Also fetch the identity's earlier history (up to 90 days before the range) to compare with. */
  baseline: boolean;
  /** Where the events come from (LookupEvents, log files, S3, Athena). */
  source: SourceValues;
}

export const defaultFormValues: FormValues = {
  regions: ['us-east-1'],
  identityKind: 'user',
  identityValue: '',
  range: { kind: 'since', since: '7d' },
  followSessions: true,
  // On by default: without a baseline nothing can be routine or new (the cost: more LookupEvents calls).
  baseline: true,
  source: defaultSourceValues,
};

/** A datetime-local value: minutes, maybe seconds and milliseconds. */
const dateTimeInput = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** `2026-11-20T10:00` (a datetime-local value, read as UTC) or a full ISO instant, as ISO. */
export function isoOfInput(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00Z`;
  if (dateTimeInput.test(value)) return `${value}Z`;
  return value;
}

/** An ISO instant as a datetime-local value in UTC. */
export function inputOfIso(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 16);
}

/** The form filled from a deep link; whatever the link does not name keeps its current value. */
export function valuesFromLink(link: DeepLinkForm, base: FormValues): FormValues {
  const values = { ...base };
  if (link.regions) values.regions = link.regions;
  if (link.identity?.kind === 'user') Object.assign(values, { identityKind: 'user', identityValue: link.identity.userName });
  if (link.identity?.kind === 'accessKey') Object.assign(values, { identityKind: 'accessKey', identityValue: link.identity.accessKeyId });
  if (link.range?.kind === 'since') values.range = { kind: 'since', since: link.range.since };
  if (link.range?.kind === 'absolute') values.range = { kind: 'custom', start: inputOfIso(link.range.start), end: inputOfIso(link.range.end) };
  return values;
}

/**
 * The values of a saved or running query, for showing it in the form again: its preset (`since`)
 * when it was fetched with one, so fetching again keeps "last 7 days" and its autosave.
 */
export function valuesFromQuery(query: FetchQuery, since?: string): FormValues {
  return {
    regions: query.regions,
    identityKind: query.identity.kind,
    identityValue: subjectValue(query.identity),
    range: since && parseSince(since) !== null ? { kind: 'since', since } : { kind: 'custom', start: inputOfIso(query.start), end: inputOfIso(query.end) },
    followSessions: query.followSessions,
    baseline: true,
    source: sourceValuesOf(query.source),
  };
}

/** A datetime-local value (read as UTC) as a time, or NaN when it is not a complete one. */
function timeOfInput(value: string): number {
  return dateTimeInput.test(value) ? Date.parse(isoOfInput(value)) : Number.NaN;
}

/**
 * What is wrong with the range as it stands (`error`: it cannot be fetched), and what the
 * analyst should know (`warning`: LookupEvents keeps 90 days, so an older start finds nothing
 * before that). Checked as the analyst types.
 */
export function rangeProblems(range: FormValues['range'], now: number, lookup = true): { error?: string; warning?: string } {
  if (range.kind === 'since') return parseSince(range.since) === null ? { error: 'Choose a time range of at most 90 days.' } : {};
  const start = timeOfInput(range.start);
  const end = timeOfInput(range.end);
  if (Number.isNaN(start)) return { error: 'Enter the start as a full date and time (UTC).' };
  if (Number.isNaN(end)) return { error: 'Enter the end as a full date and time (UTC).' };
  if (start >= end) return { error: 'The start must be before the end.' };
  // Log files, S3 and Athena keep what the trail delivered, for as long as it is kept.
  if (!lookup) return {};
  const oldest = now - maxLookbackMs;
  if (end <= oldest) return { warning: 'The whole range is older than 90 days: LookupEvents keeps 90 days of events, so this finds nothing.' };
  if (start < oldest)
    return { warning: `LookupEvents keeps 90 days of events: nothing before ${new Date(oldest).toISOString().slice(0, 16).replace('T', ' ')} UTC comes back.` };
  return {};
}

/** A custom range with the same span as the preset (or 24 hours), ending now, as datetime-local values. */
export function customOfSpan(since: string | null, now: number): FormValues['range'] {
  const span = (since ? parseSince(since) : null) ?? 86_400_000;
  return { kind: 'custom', start: inputOfIso(new Date(now - span).toISOString()), end: inputOfIso(new Date(now).toISOString()) };
}

/** The subject of the form's kind and value, as the contract shapes it (checked by its schema). */
export function subjectOf(kind: SubjectKind, value: string): Record<string, string> {
  const field = { user: 'userName', accessKey: 'accessKeyId', ip: 'address', role: 'roleName', resource: 'name' }[kind];
  return { kind, [field]: value };
}

const subjectMessages: Record<SubjectKind, string> = {
  user: 'Name a user, role session or access key id.',
  accessKey: 'Name a user, role session or access key id.',
  ip: 'Give a source address, such as 203.0.113.7.',
  role: 'Name an IAM role, such as deploy-prod.',
  resource: 'Name a resource or give its ARN.',
};

/** Turns the form into a fetch query, or says what is wrong, field by field. */
export function queryFromValues(profile: string, values: FormValues, now: number): { query: FetchQuery } | { errors: Record<string, string> } {
  const lookup = values.source.kind === 'lookup';
  const problem = rangeProblems(values.range, now, lookup).error;
  const range =
    values.range.kind === 'since'
      ? rangeFromSince(values.range.since, now)
      : { start: isoOfInput(values.range.start), end: isoOfInput(values.range.end) };
  const identityValue = values.identityValue.trim();
  const source = sourceFromValues(values.source);
  const errors: Record<string, string> = 'errors' in source ? { ...source.errors } : {};
  if (!subjectKindsOf(values.source.kind).includes(values.identityKind))
    errors.identity = 'LookupEvents cannot search by address or role: choose log files, S3 or Athena as the source.';
  if (problem || !range) errors.start = problem ?? 'Choose a time range of at most 90 days.';
  if (Object.keys(errors).length === 0 && range && 'source' in source) {
    const identity = subjectOf(values.identityKind, identityValue);
    const fields = { profile, regions: values.regions, identity, ...range, followSessions: values.followSessions };
    const parsed = FetchQuery.safeParse(lookup ? fields : { ...fields, source: source.source });
    if (parsed.success) return { query: parsed.data };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      errors[key] ??= key === 'identity' && issue.path.length > 1 ? `${subjectMessages[values.identityKind]} (${issue.message})` : issue.message;
    }
  }
  if (!identityValue) errors.identity = subjectMessages[values.identityKind];
  if (lookup && values.regions.length === 0) errors.regions = 'Pick at least one region.';
  return { errors };
}
