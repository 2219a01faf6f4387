import { describe, expect, it } from 'vitest';

import { renderAnalysisMarkdown } from '../../../shared/analysis/render-markdown';
import { analyze, callAt, fakeEnricher, hitOf, signIn } from './analysis-fixtures';

/** The Markdown with every code span taken out: what a renderer would treat as markup. */
function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '');
}

const hostile = [
  '<img src=x onerror=alert(1)>',
  '[click](https://evil.test)',
  '@channel',
  '\u001b]8;;https://evil.test\u0007link\u001b]8;;\u0007',
  'gpj.\u202eexe',
  '**bold** _it_ | cell',
  'www.evil.test',
];

describe('renderAnalysisMarkdown', () => {
  it('puts findings first, then flagged events, sources and data sets with their dates', () => {
    const records = [signIn(0, 'Success', { ip: '185.220.101.47' }), callAt(1, 'cloudtrail.amazonaws.com', 'StopLogging', { sourceIPAddress: '185.220.101.47' })];
    const analysis = analyze(records, {
      enricher: fakeEnricher({ '185.220.101.47': { country: 'DE', asn: 60729, asOrg: 'Stiftung Erneuerbare Freiheit', tor: true } }),
      flagsOf: (event) => (event.eventName === 'StopLogging' ? [hitOf('logging-tampering', 'critical')] : []),
    });
    const markdown = renderAnalysisMarkdown(analysis);
    let at = 0;
    for (const text of ['### What stands out', 'CRITICAL', '### Flagged events', 'StopLogging', '### Sources', '185.220.101.47', '### Data sets', 'test Tor exits', 'dated 2026-11-19']) {
      const next = markdown.indexOf(text, at);
      expect(next, text).toBeGreaterThanOrEqual(at);
      at = next;
    }
    expect(markdown).toMatch(/\| `185\.220\.101\.47` \| public \| `DE` \| `AS60729` \| `Stiftung Erneuerbare Freiheit` \| no \| yes \| 2 \|/);
  });

  it('says when no data set is loaded that every enrichment is unknown', () => {
    const markdown = renderAnalysisMarkdown(analyze([callAt(0, 'iam.amazonaws.com', 'ListUsers')], { enricher: fakeEnricher({}, []) }));
    expect(markdown).toContain('country, network, AWS and Tor are unknown for every address');
  });

  it('keeps hostile event data inert: in code spans, hidden characters visible', () => {
    const records = hostile.flatMap((text, i) => [
      signIn(i, 'Success', { user: text, ip: '81.2.69.160' }),
      callAt(i + 0.5, 'iam.amazonaws.com', text, { userAgent: `Prowler/4 ${text}`, sourceIPAddress: text, eventTime: text }),
    ]);
    const analysis = analyze(records, {
      enricher: fakeEnricher({ '81.2.69.160': { country: 'GB', asOrg: '<b>Org</b> [x](https://evil.test)', asn: 1 } }),
      flagsOf: (event) => [{ ...hitOf('logging-tampering'), reason: `because ${event.eventName}`, title: event.eventName }],
    });
    const markdown = renderAnalysisMarkdown(analysis);
    const outside = outsideCodeSpans(markdown);
    for (const marker of ['<img', '<b>', '](https://', '@channel', 'www.evil', '**bold**', '\u001b', '\u202e', '\u0007']) expect(outside, marker).not.toContain(marker);
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(markdown).toContain('⟨U+202E⟩');
    expect(markdown).toContain('(a value with unusual characters)');
  });
});
