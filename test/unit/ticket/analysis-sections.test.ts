import { describe, expect, it } from 'vitest';

import type { CreateMetaField } from '../../../main/services/jira/jira-client';
import { prepareSubmission } from '../../../main/services/jira/prepare-submission';
import type { DraftAnalysis } from '../../../shared/ticket/analysis-context';
import { buildTicketDraft } from '../../../shared/ticket/draft';
import { checkAdf, renderAdf } from '../../../shared/ticket/render-adf';
import { inertText } from '../../../shared/ticket/inert-text';
import { codeSpan, renderMarkdown } from '../../../shared/ticket/render-markdown';
import { eventsOf, hostileStrings, noFlags, recordOf } from './ticket-fixtures';

const events = eventsOf([
  recordOf({ eventID: 'a', sourceIPAddress: '185.220.101.47', eventName: 'ConsoleLogin' }),
  recordOf({ eventID: 'b', sourceIPAddress: '185.220.101.47' }),
  recordOf({ eventID: 'c', sourceIPAddress: '81.2.69.160' }),
]);

function analysisWith(fields: Partial<DraftAnalysis> = {}): DraftAnalysis {
  return {
    findings: [
      {
        kind: 'tor-exit',
        severity: 'high',
        title: 'Calls through Tor',
        summaryParts: [{ text: '3 events came from ' }, { value: '185.220.101.47' }, { text: ', a Tor exit.' }],
        eventIDs: ['a', 'b', 'elsewhere'],
        attack: ['T1090.003'],
      },
      { kind: 'recon-burst', severity: 'medium', title: 'Reconnaissance burst', summaryParts: [{ text: 'Many reads.' }], eventIDs: ['not-selected'], attack: [] },
    ],
    sources: [
      { ip: '185.220.101.47', country: 'DE', asn: 60729, asOrg: 'Stiftung Erneuerbare Freiheit', aws: null, awsRegion: null, tor: true, kind: 'public' },
      { ip: '81.2.69.160', country: 'GB', asn: null, asOrg: null, aws: null, awsRegion: null, tor: null, kind: 'public' },
      { ip: '10.9.9.9', country: null, asn: null, asOrg: null, aws: null, awsRegion: null, tor: null, kind: 'private' },
    ],
    datasets: [
      { id: 'ip-country', name: 'ip-location-db geo-whois-asn-country', date: '2026-06-17' },
      { id: 'tor-exits', name: 'Tor exit list', date: '2026-12-01T00:00:00Z' },
    ],
    ...fields,
  };
}

function adfTexts(node: unknown, out: Array<{ text: string; marks: unknown }> = []): Array<{ text: string; marks: unknown }> {
  const n = node as { type?: string; text?: string; marks?: unknown; content?: unknown[] };
  if (n.type === 'text' && typeof n.text === 'string') out.push({ text: n.text, marks: n.marks });
  for (const child of n.content ?? []) adfTexts(child, out);
  return out;
}

function adfTypes(node: unknown, out = new Set<string>()): Set<string> {
  const n = node as { type?: string; content?: unknown[] };
  if (n.type) out.add(n.type);
  for (const child of n.content ?? []) adfTypes(child, out);
  return out;
}

describe('the draft with the analysis', () => {
  it('lists the findings that name a selected event, saying how many of theirs are in the ticket', () => {
    const markdown = renderMarkdown(buildTicketDraft(events, {}, noFlags, analysisWith()));
    expect(markdown).toContain('### What stands out');
    expect(markdown).toContain('**HIGH Calls through Tor:** 3 events came from `185.220.101.47`, a Tor exit. ATT&CK T1090.003. 2 of its 3 events are in this ticket.');
    expect(markdown).not.toContain('Reconnaissance burst');
  });

  it("gives each selected address its country, ASN, AWS and Tor, unknown where a data set is missing", () => {
    const draft = buildTicketDraft(events, {}, noFlags, analysisWith());
    const markdown = renderMarkdown(draft);
    expect(markdown).toContain('### Source addresses');
    expect(markdown).toContain('- `185.220.101.47` (2): country `DE`, `AS60729 Stiftung Erneuerbare Freiheit`, AWS unknown, Tor exit yes');
    expect(markdown).toContain('- `81.2.69.160` (1): country `GB`, ASN unknown, AWS unknown, Tor exit unknown');
    expect(markdown).not.toContain('10.9.9.9');
    expect(markdown).toContain('Enrichment from ip-location-db geo-whois-asn-country (2026-06-17); Tor exit list (2026-12-01). Not loaded, so unknown: ASN, AWS ranges.');
    expect(markdown).not.toMatch(/Tor exit no|AWS no/);
  });

  it('keeps the plain list of addresses when there is no analysis', () => {
    const markdown = renderMarkdown(buildTicketDraft(events, {}, noFlags));
    expect(markdown).not.toContain('What stands out');
    expect(markdown).not.toContain('Source addresses');
    expect(markdown).toContain('**Source IP addresses**');
  });

  it('puts findings and enrichment in the ADF as unmarked text nodes, valid for Jira', () => {
    const adf = renderAdf(buildTicketDraft(events, {}, noFlags, analysisWith()));
    expect(checkAdf(adf)).toEqual([]);
    const texts = adfTexts(adf);
    expect(texts.find((node) => node.text === '185.220.101.47')?.marks).toBeUndefined();
    expect(texts.find((node) => node.text === 'AS60729 Stiftung Erneuerbare Freiheit')?.marks).toBeUndefined();
    expect(texts.some((node) => node.text.startsWith('HIGH Calls through Tor'))).toBe(true);
  });

  it('keeps hostile values from records and data sets inert in ADF and Markdown', () => {
    for (const hostile of hostileStrings.slice(0, 10)) {
      const analysis = analysisWith({
        findings: [{ kind: 'pentest-tool', severity: 'high', title: 'Pentest tool', summaryParts: [{ text: 'Agent ' }, { value: hostile }], eventIDs: ['a'], attack: [] }],
        sources: [{ ip: '185.220.101.47', country: 'DE', asn: 1, asOrg: hostile, aws: null, awsRegion: null, tor: null, kind: 'public' }],
      });
      const adf = renderAdf(buildTicketDraft(events, {}, noFlags, analysis));
      expect(checkAdf(adf)).toEqual([]);
      const types = adfTypes(adf);
      for (const type of ['mention', 'inlineCard', 'blockCard', 'emoji', 'mediaSingle']) expect(types.has(type)).toBe(false);
      for (const node of adfTexts(adf)) expect(JSON.stringify(node.marks ?? [])).not.toContain('link');
      const markdown = renderMarkdown(buildTicketDraft(events, {}, noFlags, analysis));
      // Each value sits in a code span; outside the code spans, nothing of it is left.
      expect(markdown).toContain(`Agent ${codeSpan(inertText(hostile, 300))}`);
      expect(markdown).toContain(codeSpan(inertText(`AS1 ${hostile}`, 200)));
      const outside = markdown.replace(/(`+)[\s\S]*?\1/g, '');
      for (const piece of ['<img', '<svg', '<script', '](', '[~', '{noformat}', 'javascript:']) expect(outside).not.toContain(piece);
    }
  });
});

describe('the submitted description', () => {
  const createMeta: CreateMetaField[] = [
    { fieldId: 'summary', name: 'Summary', required: true },
    { fieldId: 'description', name: 'Description', required: false },
    { fieldId: 'labels', name: 'Labels', required: false, schema: { type: 'array', items: 'string', system: 'labels' } },
  ];
  const prepare = (analysis: DraftAnalysis | null) =>
    prepareSubmission({ submissionId: 'sub-1', events, analysis, analyst: {}, projectKey: 'SEC', issueTypeId: '10001', formValues: {}, createMeta, flag: noFlags });

  it('holds the findings and enrichment the preview shows, built on the host', () => {
    const { request } = prepare(analysisWith());
    const texts = adfTexts(request.fields.description).map((node) => node.text);
    expect(texts).toContain('What stands out');
    expect(texts).toContain('Source addresses');
    expect(texts).toContain('AS60729 Stiftung Erneuerbare Freiheit');
  });

  it('is written without them when there is no analysis', () => {
    const texts = adfTexts(prepare(null).request.fields.description).map((node) => node.text);
    expect(texts).not.toContain('What stands out');
  });
});
