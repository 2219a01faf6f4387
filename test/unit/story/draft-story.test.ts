import { describe, expect, it } from 'vitest';

import { buildTicketDraft } from '../../../shared/ticket/draft';
import { checkAdf, renderAdf } from '../../../shared/ticket/render-adf';
import { renderMarkdown } from '../../../shared/ticket/render-markdown';
import { renderText } from '../../../shared/ticket/render-text';
import { draftBlocks } from '../../../shared/ticket/sections';
import { attacker, users } from '../../../main/services/demo/demo-identities';
import { eventsOf, hostileStrings, noFlags, recordOf } from '../ticket/ticket-fixtures';
import { demoAnalysis, jmoralesEvents } from './demo-fixture';

const events = jmoralesEvents();
const draft = buildTicketDraft(events, {}, undefined, demoAnalysis(events));

describe('the draft opens with the story', () => {
  it('in its blocks, ADF, Markdown and text: "What happened" first', () => {
    expect(draftBlocks(draft)[0]).toEqual({ type: 'heading', text: 'What happened' });
    const adf = renderAdf(draft);
    expect(adf.content[0]).toMatchObject({ type: 'heading', content: [{ type: 'text', text: 'What happened' }] });
    expect(JSON.stringify(adf.content[1])).toContain('signed in to the console without MFA from ');
    const markdown = renderMarkdown(draft).split('\n\n');
    expect(markdown[2]).toBe('### What happened');
    expect(markdown[3]).toMatch(
      /^On \d+ \w+ at \d\d:\d\d UTC jmorales signed in to the console without MFA from `185\.220\.101\.47`, a Tor exit in `Germany`\./,
    );
    expect(renderText(draft).split('\n\n')[2]).toBe('WHAT HAPPENED\n-------------');
  });

  it('has the story title as its summary, and next steps right after the story', () => {
    expect(draft.summary).toBe(
      'possible compromise of jmorales: console sign-in without MFA from a new network, admin granted, logging stopped',
    );
    const headings = draftBlocks(draft).flatMap((block) => (block.type === 'heading' ? [block.text] : []));
    expect(headings.slice(0, 5)).toEqual([
      'What happened',
      'What is unusual',
      'What is routine',
      'Resources touched',
      'Suggested next steps',
    ]);
    expect(draft.nextSteps.some((step) => step.includes(users.jmorales.accessKeyId))).toBe(false);
    expect(draft.nextSteps[0]).toBe('Start logging again on the trail management-events and check its settings.');
  });

  it('lists the flagged events first in its table', () => {
    const flagged = new Set(draft.facts.flagged.map((event) => event.eventId));
    const firstUnflagged = draft.rows.findIndex((row) => !flagged.has(row.eventId));
    expect(firstUnflagged).toBe(flagged.size);
    expect(draft.rows.slice(0, flagged.size).every((row) => flagged.has(row.eventId))).toBe(true);
  });

  it('leaves out dropped sentences and tells reworded ones in the analyst words, in every rendering', () => {
    const [first, second] = draft.generatedStory!.happened;
    const edited = buildTicketDraft(
      events,
      { story: { dropped: [second!.id], rewritten: { [first!.id]: 'Someone signed in as jmorales.' } } },
      undefined,
      demoAnalysis(events),
    );
    const markdown = renderMarkdown(edited);
    expect(markdown).toContain('### What happened\n\nSomeone signed in as jmorales. ');
    expect(markdown).not.toContain('had not used in the');
    expect(JSON.stringify(renderAdf(edited))).toContain('Someone signed in as jmorales.');
    expect(edited.generatedStory!.happened).toHaveLength(draft.generatedStory!.happened.length);
  });

  it('keeps hostile values in text nodes of valid ADF, and in code spans of Markdown', () => {
    const records = hostileStrings.map((hostile, i) =>
      recordOf({
        eventTime: `2026-11-02T10:${String(i).padStart(2, '0')}:00Z`,
        eventName: 'CreateUser',
        readOnly: false,
        requestParameters: { userName: hostile },
      }),
    );
    const hostileDraft = buildTicketDraft(eventsOf(records), { story: { dropped: [], rewritten: {} } }, noFlags);
    expect(hostileDraft.story!.resources[0]!.kind).toBe('Users created');
    expect(checkAdf(renderAdf(hostileDraft))).toEqual([]);
    const happened = renderMarkdown(hostileDraft).split('### What happened\n\n')[1]!.split('\n\n')[0]!;
    expect(happened).toContain('`<img src=x onerror=alert(1)>`');
    expect(happened).not.toMatch(/(^|[^`])\[click\]\(https/);
  });

  it('names the attacker’s sessions in its next steps', () => {
    expect(draft.nextSteps.join('\n')).toContain(attacker.roleSessionName);
  });
});
