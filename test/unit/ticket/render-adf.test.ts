import { describe, expect, it } from 'vitest';

import { buildTicketDraft } from '../../../shared/ticket/draft';
import { checkAdf, renderAdf } from '../../../shared/ticket/render-adf';
import { eventsOf, flagNamed, hostileStrings, noFlags, recordOf } from './ticket-fixtures';

const identityTypes = [
  { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', accessKeyId: 'AKIAEXAMPLEKEY123456' },
  { type: 'Root', arn: 'arn:aws:iam::111122223333:root', principalId: '111122223333' },
  {
    type: 'AssumedRole',
    arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice-session',
    accessKeyId: 'ASIAEXAMPLEKEY123456',
    sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Admin', userName: 'Admin' } },
  },
  { type: 'FederatedUser', arn: 'arn:aws:sts::111122223333:federated-user/bob', principalId: '111122223333:bob' },
  { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' },
  { type: 'AWSAccount', principalId: 'AIDAOTHER', accountId: '444455556666' },
  { type: 'IdentityCenterUser', userName: 'carol@example.com' },
  {},
];

function texts(node: unknown, out: string[] = []): string[] {
  const n = node as { type?: string; text?: string; content?: unknown[] };
  if (n.type === 'text' && typeof n.text === 'string') out.push(n.text);
  for (const child of n.content ?? []) texts(child, out);
  return out;
}

describe('the ADF description', () => {
  it('passes Atlassian’s validator and our rules for a single event', () => {
    const adf = renderAdf(buildTicketDraft(eventsOf([recordOf()]), {}, noFlags));
    expect(adf.type).toBe('doc');
    expect(checkAdf(adf)).toEqual([]);
  });

  it.each(identityTypes)('is valid for identity type %o', (userIdentity) => {
    const adf = renderAdf(
      buildTicketDraft(eventsOf([recordOf({ userIdentity }), recordOf({ userIdentity, errorCode: 'AccessDenied' })]), {}, noFlags),
    );
    expect(checkAdf(adf)).toEqual([]);
  });

  it('is valid for thousands of events and keeps as many table rows as fit', () => {
    const records = Array.from({ length: 3000 }, (_, i) =>
      recordOf({ eventName: i % 7 === 0 ? 'StopLogging' : 'ListUsers', errorCode: i % 11 === 0 ? 'AccessDenied' : undefined }),
    );
    const draft = buildTicketDraft(eventsOf(records), {}, flagNamed({ StopLogging: {} }));
    const adf = renderAdf(draft);
    expect(checkAdf(adf)).toEqual([]);
    const tableNode = adf.content.find((node) => node.type === 'table') as { content: unknown[] };
    expect(tableNode.content.length).toBeGreaterThan(10);
    expect(tableNode.content.length).toBeLessThanOrEqual(101);
    expect(JSON.stringify(adf).length).toBeLessThanOrEqual(32_767);
    expect(JSON.stringify(adf)).toContain(`events are listed; all are in the attached file.`);
  });

  it('shrinks lists and the table until the description fits Jira’s 32,767 characters', () => {
    const long = 'v'.repeat(500);
    const records = Array.from({ length: 2000 }, (_, i) =>
      recordOf({
        eventName: `Op${i}${long}`,
        userAgent: `${long}${i}`,
        sourceIPAddress: `10.0.${i % 250}.${i % 200}`,
        errorCode: i % 2 ? `E${i}${long}` : undefined,
        resources: [{ ARN: `${long}${i}` }],
      }),
    );
    const draft = buildTicketDraft(
      eventsOf(records),
      { analystText: 'n'.repeat(90_000) },
      flagNamed(Object.fromEntries(records.map((r) => [r.eventName!, { reason: long }]))),
    );
    const adf = renderAdf(draft);
    expect(JSON.stringify(adf).length).toBeLessThanOrEqual(32_767);
    expect(checkAdf(adf)).toEqual([]);
  });

  it('keeps every hostile string as unmarked text, with no link, mention, card or empty text', () => {
    const records = hostileStrings.map((hostile) =>
      recordOf({
        userAgent: hostile,
        errorCode: hostile,
        errorMessage: hostile,
        sourceIPAddress: hostile,
        eventName: hostile,
        resources: [{ ARN: hostile }],
        userIdentity: { type: 'IAMUser', userName: hostile, arn: hostile },
      }),
    );
    const flag = flagNamed(Object.fromEntries(hostileStrings.map((h) => [h, { title: h, reason: h, nextStep: h }])));
    const adf = renderAdf(buildTicketDraft(eventsOf(records), { analystText: hostileStrings.join('\n\n') }, flag));
    expect(checkAdf(adf)).toEqual([]);
    const json = JSON.stringify(adf);
    expect(json).not.toMatch(/"type":"(mention|inlineCard|blockCard|embedCard|media|link|emoji|extension)"/);
    expect(texts(adf).every((t) => t.length > 0)).toBe(true);
    expect(json).toContain('<img src=x onerror=alert(1)>');
    expect(json).toContain('abc⟨U+202E⟩exe.txt');
  });

  it('detects what the rules forbid', () => {
    const link = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://evil.test' } }] }] },
      ],
    };
    const mention = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'abc' } }] }] };
    const empty = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] };
    expect(checkAdf(link).join()).toMatch(/mark link is not allowed/);
    expect(checkAdf(mention).join()).toMatch(/mention is not allowed/);
    expect(checkAdf(empty).join()).toMatch(/empty text node/);
  });

  it('keeps the analyst text as paragraphs with line breaks', () => {
    const adf = renderAdf(buildTicketDraft(eventsOf([recordOf()]), { analystText: 'first line\nsecond line\n\nnext paragraph' }, noFlags));
    const notes = adf.content.findIndex((node) => node.type === 'heading' && JSON.stringify(node).includes('Analyst notes'));
    expect(adf.content[notes]).toMatchObject({ type: 'heading' });
    expect(adf.content[notes + 1]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'first line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }],
    });
  });
});
