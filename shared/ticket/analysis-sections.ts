import { data, label, nonEmpty, words } from './blocks';
import type { Block, Span } from './blocks';
import type { DraftEnrichment, DraftSource } from './analysis-context';
import { inertText } from './inert-text';

/**
 * The draft's "What stands out" (findings that span events) and "Source addresses" (the
 * enrichment of each address) sections. Our words are labels and prose; the values of records
 * and of data sets (addresses, organisations, user agents in a summary) are data spans, which
 * every renderer writes as plain text only (PROMISES 9).
 */

const missingNames: Record<string, string> = {
  'ip-country': 'country',
  'ip-asn': 'ASN',
  'aws-ip-ranges': 'AWS ranges',
  'tor-exits': 'Tor exits',
};

export function findingsSection(enrichment: DraftEnrichment, max: number): Block[] {
  if (enrichment.findings.length === 0) return [];
  const items = enrichment.findings
    .slice(0, max)
    .map((finding) =>
      nonEmpty([
        label(`${finding.severity.toUpperCase()} ${inertText(finding.title, 160)}: `),
        ...finding.summaryParts.map((part): Span => ('value' in part ? data(inertText(part.value, 300)) : words(part.text))),
        words(finding.attack.length ? ` ATT&CK ${finding.attack.join(', ')}.` : ''),
        words(
          finding.selected === finding.total
            ? ''
            : ` ${finding.selected} of its ${finding.total} events ${finding.selected === 1 ? 'is' : 'are'} in this ticket.`,
        ),
      ]),
    );
  if (enrichment.findings.length > max) items.push([words(`and ${enrichment.findings.length - max} more findings`)]);
  return [
    { type: 'heading', text: 'What stands out' },
    { type: 'bullets', items },
  ];
}

function enrichmentWords(source: DraftSource, missing: ReadonlySet<string>): Span[] {
  if (source.kind !== 'public') {
    const what = { private: 'a private address', 'aws-internal': 'AWS internal', service: 'an AWS service', invalid: 'not an address' }[
      source.kind
    ];
    return [words(`: ${what}, not looked up`)];
  }
  const org = source.asn === null ? null : `AS${source.asn}${source.asOrg ? ` ${source.asOrg}` : ''}`;
  const aws = source.aws ? `${source.aws}${source.awsRegion ? ` ${source.awsRegion}` : ''}` : missing.has('aws-ip-ranges') ? null : 'no';
  const tor = source.tor === true ? 'yes' : source.tor === false ? 'no' : null;
  return [
    words(': country '),
    source.country ? data(inertText(source.country, 10)) : words('unknown'),
    words(', '),
    org ? data(inertText(org, 200)) : words('ASN unknown'),
    words(', AWS '),
    aws ? data(inertText(aws, 80)) : words('unknown'),
    words(`, Tor exit ${tor ?? 'unknown'}`),
  ];
}

export function sourcesSection(enrichment: DraftEnrichment, max: number): Block[] {
  if (enrichment.sources.length === 0) return [];
  const missing = new Set(enrichment.missing);
  const items = enrichment.sources
    .slice(0, max)
    .map((source) => nonEmpty([data(inertText(source.ip, 100)), words(` (${source.events})`), ...enrichmentWords(source, missing)]));
  if (enrichment.sources.length > max) items.push([words(`and ${enrichment.sources.length - max} more addresses`)]);
  const from = enrichment.datasets.length ? `Enrichment from ${enrichment.datasets.join('; ')}.` : 'No enrichment data set was loaded.';
  const unknown = enrichment.missing.length
    ? ` Not loaded, so unknown: ${enrichment.missing.map((id) => missingNames[id] ?? id).join(', ')}.`
    : '';
  return [
    { type: 'heading', text: 'Source addresses' },
    { type: 'bullets', items },
    { type: 'paragraph', spans: [words(`${from}${unknown}`)] },
  ];
}
