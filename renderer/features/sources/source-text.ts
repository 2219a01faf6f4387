import type { SourceView } from '../../../shared/api/analysis-contract';
import type { DatasetInfo } from '../../../shared/intel/types';

/**
 * What a view says about an address's enrichment (PROMISES 22): a value the data set gave, or
 * "unknown" when the data set is missing or had no answer, never "no" read from missing data.
 * Addresses that are not public are never looked up, and say what they are instead.
 */
const notLookedUp: Record<Exclude<SourceView['kind'], 'public'>, string> = {
  private: 'private or reserved',
  'aws-internal': 'AWS internal',
  service: 'AWS service',
  invalid: 'not an address',
};

/** Why an address was not looked up, or null for a public one. */
export function notLookedUpText(source: SourceView): string | null {
  return source.kind === 'public' ? null : notLookedUp[source.kind];
}

export function countryText(source: SourceView): string {
  return notLookedUpText(source) ?? source.country ?? 'unknown';
}

export function asnText(source: SourceView): string {
  if (source.kind !== 'public') return '—';
  if (source.asn === null) return source.asOrg ?? 'unknown';
  return source.asOrg ? `AS${source.asn} ${source.asOrg}` : `AS${source.asn}`;
}

export function awsText(source: SourceView, loaded: ReadonlySet<string>): string {
  if (source.kind === 'aws-internal' || source.kind === 'service') return 'AWS';
  if (source.kind !== 'public') return '—';
  if (source.aws) return source.awsRegion ? `${source.aws} (${source.awsRegion})` : source.aws;
  return loaded.has('aws-ip-ranges') ? 'no' : 'unknown';
}

export function torText(source: SourceView): string {
  if (source.kind !== 'public') return '—';
  return source.tor === true ? 'Tor exit' : source.tor === false ? 'no' : 'unknown';
}

/** `Tor exit list, 2026-12-01` / `… (no date)`: which data set, and how old. */
export function datasetLabel(dataset: Pick<DatasetInfo, 'name' | 'date'>): string {
  return `${dataset.name}, ${dataset.date ? dataset.date.slice(0, 10) : 'undated'}`;
}

/** The one-line enrichment of a table cell: `DE · AS1234 Org`, `private address`; `Tor` when the event came while the address was an exit. */
export function originText(source: SourceView | undefined, torAtTime = false): string {
  if (!source) return '';
  const away = notLookedUpText(source);
  if (away) return away;
  const parts = [source.country ?? '??', source.asn !== null ? `AS${source.asn}${source.asOrg ? ` ${source.asOrg}` : ''}` : 'AS unknown'];
  if (torAtTime) parts.push('Tor');
  return parts.join(' · ');
}
