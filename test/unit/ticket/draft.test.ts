import { describe, expect, it } from 'vitest';

import { buildTicketDraft } from '../../../shared/ticket/draft';
import { cleanSummary } from '../../../shared/ticket/summary';
import { eventsOf, flagNamed, hostileStrings, noFlags, recordOf } from './ticket-fixtures';

describe('the ticket draft', () => {
  const stopLogging = recordOf({
    eventName: 'StopLogging',
    eventSource: 'cloudtrail.amazonaws.com',
    readOnly: false,
    requestParameters: { name: 'main-trail' },
    eventTime: '2026-11-01T10:00:00Z',
  });
  const attach = recordOf({
    eventName: 'AttachUserPolicy',
    readOnly: false,
    requestParameters: { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    eventTime: '2026-11-01T12:30:00Z',
  });
  const flag = flagNamed({
    StopLogging: { severity: 'critical', category: 'logging-tampering', nextStep: 'Turn logging back on.' },
    AttachUserPolicy: { severity: 'high', category: 'privilege-change' },
  });

  it('says what it is in the summary: the story title when something significant happened', () => {
    const draft = buildTicketDraft(eventsOf([stopLogging, attach]), {}, flag);
    expect(draft.summary).toBe('possible compromise of alice: logging stopped, admin granted');
  });

  it('counts events in the summary when nothing was flagged', () => {
    const draft = buildTicketDraft(eventsOf([recordOf()]), {}, noFlags);
    expect(draft.summary).toMatch(/^alice \(IAMUser\): 1 event from 203\.0\.113\.7, 2026-11-01 10:00 UTC$/);
  });

  it('suggests the priority of the highest severity flagged', () => {
    expect(buildTicketDraft(eventsOf([stopLogging, attach]), {}, flag).priority).toBe('Highest');
    expect(buildTicketDraft(eventsOf([attach]), {}, flag).priority).toBe('High');
    expect(buildTicketDraft(eventsOf([recordOf()]), {}, noFlags).priority).toBe('Lowest');
  });

  it('labels the draft without spaces, with severity and categories', () => {
    const draft = buildTicketDraft(eventsOf([stopLogging, attach]), {}, flag);
    expect(draft.labels).toEqual(['trailcase', 'severity-critical', 'logging-tampering', 'privilege-change', 'identity-iamuser']);
  });

  it('suggests next steps that follow from what was flagged', () => {
    const draft = buildTicketDraft(eventsOf([stopLogging, attach]), {}, flag);
    expect(draft.nextSteps).toContain('Turn logging back on.');
    expect(draft.nextSteps).toContain('Start logging again on the trail main-trail and check its settings.');
    expect(draft.nextSteps).toContain('Remove AdministratorAccess from bob.');
    expect(draft.nextSteps).toContain('Deactivate access key AKIAEXAMPLEKEY123456 if this activity was not expected, and rotate it.');
  });

  it('keeps the analyst summary and text when the selection changes', () => {
    const input = { summary: 'My own summary', analystText: 'Seen by the SOC at 10:05.' };
    const before = buildTicketDraft(eventsOf([stopLogging]), input, flag);
    const after = buildTicketDraft(eventsOf([stopLogging, attach]), input, flag);
    expect(after.summary).toBe('My own summary');
    expect(after.analystText).toBe('Seen by the SOC at 10:05.');
    expect(after.generatedSummary).not.toBe(before.generatedSummary);
    expect(after.rows).toHaveLength(2);
  });

  it('regenerates the summary when the analyst left it empty', () => {
    const draft = buildTicketDraft(eventsOf([stopLogging]), { summary: '   ' }, flag);
    expect(draft.summary).toBe(draft.generatedSummary);
  });

  it('keeps every summary to one line of at most 255 characters, whatever the data', () => {
    for (const hostile of hostileStrings) {
      const draft = buildTicketDraft(
        eventsOf([recordOf({ userIdentity: { type: hostile, userName: hostile }, sourceIPAddress: hostile })]),
        {},
        noFlags,
      );
      expect(draft.summary.length).toBeLessThanOrEqual(255);
      expect([...draft.summary].some((char) => char.charCodeAt(0) < 0x20 || char === '\u202e' || char === '\u200b')).toBe(false);
      expect(draft.summary.length).toBeGreaterThan(0);
    }
  });

  it('cleans an analyst summary into one line', () => {
    expect(cleanSummary('two\nlines\u202E and a tab\t')).toBe('two lines⟨U+202E⟩ and a tab');
    expect(cleanSummary('y'.repeat(400))).toHaveLength(255);
  });

  it('shows an unparseable record as unparsed without losing the rest', () => {
    const draft = buildTicketDraft(eventsOf(['{"eventName": "trunc', recordOf()]), {}, noFlags);
    expect(draft.facts.unparsed).toBe(1);
    expect(draft.rows.map((row) => row.eventName)).toContain('(unparsed record)');
    expect(draft.rows).toHaveLength(2);
  });

  it('counts errors and access denied', () => {
    const denied = recordOf({ errorCode: 'AccessDenied', errorMessage: 'User is not authorized', eventName: 'GetSecretValue' });
    const failed = recordOf({ errorCode: 'NoSuchEntity', eventName: 'GetUser' });
    const draft = buildTicketDraft(eventsOf([denied, failed, recordOf()]), {}, noFlags);
    expect(draft.facts.accessDenied).toBe(1);
    expect(draft.facts.failed).toHaveLength(2);
    expect(draft.rows.find((row) => row.eventName === 'GetSecretValue')?.result).toBe('AccessDenied');
  });
});
