import type { FetchAnalysis, FindingView, SourceView } from '../../../shared/api/analysis-contract';

/** A finding as the host sends it; summary from its parts. */
export function findingOf(fields: Partial<FindingView> & Pick<FindingView, 'kind' | 'severity' | 'title' | 'eventIDs'>): FindingView {
  const summaryParts = fields.summaryParts ?? [{ text: `${fields.title} seen.` }];
  return {
    summary: summaryParts.map((part) => ('value' in part ? part.value : part.text)).join(''),
    summaryParts,
    attack: [],
    start: null,
    end: null,
    ...fields,
  };
}

export function sourceOf(fields: Partial<SourceView> & Pick<SourceView, 'ip'>): SourceView {
  return { country: null, asn: null, asOrg: null, aws: null, tor: null, events: 1, kind: 'public', awsRegion: null, ...fields };
}

/** An analysis of a fetch: country and ASN loaded, AWS ranges and Tor exits missing unless given. */
export function analysisOf(fields: Partial<FetchAnalysis> = {}): FetchAnalysis {
  return {
    fetchId: 'f1',
    eventCount: 4,
    rulePack: '2026.12.1',
    findings: [],
    sources: [],
    datasets: [
      { id: 'ip-country', name: 'ip-location-db geo-whois-asn-country', origin: 'bundled', date: '2026-06-17', entries: 10 },
      { id: 'ip-asn', name: 'ip-location-db asn', origin: 'bundled', date: '2026-06-17', entries: 10 },
    ],
    missing: ['aws-ip-ranges', 'tor-exits'],
    notes: [],
    ...fields,
  };
}
