import { FetchSource } from '../../../shared/api/fetch-contract';
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
}

export const defaultSourceValues: SourceValues = { kind: 'lookup', path: '', url: '', table: '', workgroup: '', output: '' };

/** The picker's words for each source. */
export const sourceLabels: Record<FetchSourceKind, string> = {
  lookup: 'CloudTrail LookupEvents (last 90 days)',
  files: 'CloudTrail log files (folder or file)',
  s3: 'Trail bucket in S3',
  athena: 'Amazon Athena table',
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
      return { ...base, kind: 'athena', table: `${source.database}.${source.table}`, workgroup: source.workgroup ?? '', output: source.output ?? '' };
  }
}

/** What each field must hold, said the way the form's errors say it. */
const emptyMessages: Record<string, string> = {
  path: 'Give the folder or file of CloudTrail log files, as an absolute path.',
  url: 'Give the trail’s bucket and prefix, such as s3://my-trail-bucket/AWSLogs/.',
  table: 'Give the Athena table as DATABASE.TABLE, such as default.cloudtrail_logs.',
};

/** The form's source as the contract's, or what is wrong, by field (`source.path`, `source.table`…). */
export function sourceFromValues(values: SourceValues): { source: FetchSource } | { errors: Record<string, string> } {
  const candidate = candidateOf(values);
  if ('errors' in candidate) return candidate;
  const parsed = FetchSource.safeParse(candidate.source);
  if (parsed.success) return { source: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'kind');
    const key = `source.${field === 'database' ? 'table' : field}`;
    errors[key] ??= field === 'database' || field === 'table' ? `Database and table: ${issue.message}.` : `${capital(issue.message)}.`;
  }
  return { errors };
}

function candidateOf(values: SourceValues): { source: unknown } | { errors: Record<string, string> } {
  const field = values.kind === 'files' ? 'path' : values.kind === 's3' ? 'url' : values.kind === 'athena' ? 'table' : null;
  if (field && !values[field].trim()) return { errors: { [`source.${field}`]: emptyMessages[field]! } };
  switch (values.kind) {
    case 'lookup':
      return { source: { kind: 'lookup' } };
    case 'files':
      return { source: { kind: 'files', path: values.path.trim() } };
    case 's3':
      return { source: { kind: 's3', url: values.url.trim() } };
    case 'athena': {
      const [database, table, ...rest] = values.table.trim().split('.');
      if (!database || !table || rest.length) return { errors: { 'source.table': emptyMessages.table! } };
      const workgroup = values.workgroup.trim();
      const output = values.output.trim();
      return { source: { kind: 'athena', database, table, ...(workgroup ? { workgroup } : {}), ...(output ? { output } : {}) } };
    }
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
