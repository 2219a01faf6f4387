import type { z } from 'zod';

import { FetchSource } from '../../../shared/api/fetch-contract';
import { AthenaName, AthenaWorkgroup, LocalPath, S3Url } from '../../../shared/api/primitives';
import type { FetchSourceKind, SubjectKind } from '../../../shared/api/fetch-contract';

/** The source fields as the analyst edits them: every kind's fields kept, so switching back loses nothing. */
export interface SourceValues {
  kind: FetchSourceKind;
  /** A folder or a file of log files (files). */
  path: string;
  /** `s3://BUCKET/PREFIX` (s3). */
  url: string;
  /** `DATABASE.TABLE` (athena). */
  table: string;
  workgroup: string;
  /** `s3://…` where Athena writes its results. */
  output: string;
  /** Ask before an Athena query estimated above this many dollars (empty: the default $1.00). */
  maxCost: string;
}

export const defaultSourceValues: SourceValues = { kind: 'lookup', path: '', url: '', table: '', workgroup: '', output: '', maxCost: '' };

/** The picker's words for each source: short, so the select shows them whole. */
export const sourceLabels: Record<FetchSourceKind, string> = {
  lookup: 'LookupEvents (90 days)',
  files: 'Log files',
  s3: 'S3 bucket',
  athena: 'Athena table',
};

/** What the chosen source is, said beside the select's label (and read with the select). */
export const sourceDetails: Record<FetchSourceKind, string> = {
  lookup: 'CloudTrail’s API, management events',
  files: '.json or .json.gz on this machine',
  s3: 'the trail’s objects, cached once read',
  athena: 'the trail’s table, its cost asked first',
};

export const sourceKinds: readonly FetchSourceKind[] = ['lookup', 'files', 's3', 'athena'];

/** The subjects each source can search by: LookupEvents has no address or role attribute. */
export function subjectKindsOf(kind: FetchSourceKind): SubjectKind[] {
  return kind === 'lookup' ? ['user', 'accessKey', 'resource'] : ['user', 'accessKey', 'ip', 'role', 'resource'];
}

/** A source as the form shows it; a query without one is a LookupEvents query. */
export function sourceValuesOf(source: FetchSource | undefined, base: SourceValues = defaultSourceValues): SourceValues {
  if (!source) return { ...base, kind: 'lookup' };
  switch (source.kind) {
    case 'lookup':
      return { ...base, kind: 'lookup' };
    case 'files':
      return { ...base, kind: 'files', path: source.path };
    case 's3':
      return { ...base, kind: 's3', url: source.url };
    case 'athena':
      return { ...base, kind: 'athena', table: `${source.database}.${source.table}`, workgroup: source.workgroup ?? '', output: source.output ?? '', maxCost: source.maxCostUsd === undefined ? '' : String(source.maxCostUsd) };
  }
}

/** What each field must hold, said the way the form's errors say it. */
const emptyMessages: Record<'path' | 'url' | 'table', string> = {
  path: 'Give the folder or file of CloudTrail log files, as an absolute path.',
  url: 'Give the trail’s bucket and prefix, such as s3://my-trail-bucket/AWSLogs/.',
  table: 'Give the Athena table as DATABASE.TABLE, such as default.cloudtrail_logs.',
};

/** A field's value checked against its schema: the contract's message, as a sentence. */
function fieldError(schema: z.ZodType, value: string, prefix = ''): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : `${prefix}${capital(parsed.error.issues[0]?.message ?? 'not a valid value')}.`;
}

/** What is wrong with each field of the chosen kind (`source.path`, `source.table`…): empty ones, then formats. */
function errorsOf(values: SourceValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (field: keyof typeof emptyMessages | 'workgroup' | 'output' | 'maxCost', problem: string | null) => {
    if (problem) errors[`source.${field}`] = problem;
  };
  const required = (field: keyof typeof emptyMessages, schema: z.ZodType) =>
    check(field, values[field].trim() ? fieldError(schema, values[field].trim()) : emptyMessages[field]);
  if (values.kind === 'files') required('path', LocalPath);
  if (values.kind === 's3') required('url', S3Url);
  if (values.kind === 'athena') {
    const [database, table, ...rest] = values.table.trim().split('.');
    if (!values.table.trim() || !database || !table || rest.length) check('table', emptyMessages.table);
    else check('table', fieldError(AthenaName, database, 'Database: ') ?? fieldError(AthenaName, table, 'Table: '));
    if (values.workgroup.trim()) check('workgroup', fieldError(AthenaWorkgroup, values.workgroup.trim()));
    if (values.output.trim()) check('output', fieldError(S3Url, values.output.trim()));
    if (values.maxCost.trim() && maxCostOf(values.maxCost) === null) check('maxCost', 'Give the cost in dollars, such as 1.00 (0 asks before every query).');
  }
  return errors;
}

/** The form's source as the contract's, or what is wrong, by field (`source.path`, `source.table`…). */
export function sourceFromValues(values: SourceValues): { source: FetchSource } | { errors: Record<string, string> } {
  const errors = errorsOf(values);
  if (Object.keys(errors).length) return { errors };
  const parsed = FetchSource.safeParse(candidateOf(values));
  // Every field was checked above: a refusal here is the contract's own, said as it is.
  return parsed.success ? { source: parsed.data } : { errors: { 'source.kind': parsed.error.issues[0]?.message ?? 'Not a valid source.' } };
}

function candidateOf(values: SourceValues): unknown {
  switch (values.kind) {
    case 'lookup':
      return { kind: 'lookup' };
    case 'files':
      return { kind: 'files', path: values.path.trim() };
    case 's3':
      return { kind: 's3', url: values.url.trim() };
    case 'athena': {
      const [database, table] = values.table.trim().split('.');
      const workgroup = values.workgroup.trim();
      const output = values.output.trim();
      const maxCostUsd = maxCostOf(values.maxCost);
      return { kind: 'athena', database, table, ...(workgroup ? { workgroup } : {}), ...(output ? { output } : {}), ...(maxCostUsd !== null ? { maxCostUsd } : {}) };
    }
  }
}

/** The threshold typed, in dollars: a plain non-negative number (no "$", no exponent), else null. */
function maxCostOf(text: string): number | null {
  const trimmed = text.trim().replace(/^\$/, '');
  if (!/^\d{1,7}(\.\d{0,6})?$/.test(trimmed)) return null;
  return Number(trimmed);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
