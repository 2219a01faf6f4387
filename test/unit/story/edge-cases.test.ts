import { describe, expect, it } from 'vitest';

import { buildStory } from '../../../shared/story/build-story';
import { applyStoryEdits, cleanEdits } from '../../../shared/story/edits';
import { sentenceText } from '../../../shared/story/types';
import type { CloudTrailRecord } from '../../../shared/records/types';
import { eventsOf, hostileStrings, noFlags, recordOf } from '../ticket/ticket-fixtures';

const at = (iso: string) => ({ eventTime: iso });
const createKey = (iso: string, keyId = 'AKIANEWKEY0000000001'): CloudTrailRecord =>
  recordOf({
    ...at(iso),
    eventName: 'CreateAccessKey',
    readOnly: false,
    requestParameters: { userName: 'alice' },
    responseElements: { accessKey: { userName: 'alice', accessKeyId: keyId, status: 'Active' } },
  });

/** The same call from the same address at 09:00 UTC on `days` days from 1 November. */
function routineDays(days: number, eventName = 'ListUsers'): CloudTrailRecord[] {
  return Array.from({ length: days }, (_, day) => recordOf({ ...at(`2026-11-${String(day + 1).padStart(2, '0')}T09:00:00Z`), eventName }));
}

describe('the story on edge cases', () => {
  it('tells one event in one sentence, with the date in UTC', () => {
    const story = buildStory(eventsOf([createKey('2026-11-30T23:50:07Z')]), { flag: noFlags });
    expect(story.happened.map(sentenceText)).toEqual(['On 30 November at 23:50 UTC alice created a new access key AKIANEWKEY0000000001.']);
    expect(story.title).toBe('alice: access key created');
    expect(story.nextSteps.map(sentenceText)[0]).toBe('Deactivate and delete the access key AKIANEWKEY0000000001, made at 23:50 UTC.');
  });

  it('says nothing stood out when every event is routine, and counts the routine work', () => {
    const story = buildStory(eventsOf(routineDays(6)), { flag: noFlags });
    expect(story.significant).toBe(false);
    expect(story.title).toBe('');
    expect(story.happened.map(sentenceText)).toEqual([
      'Nothing stood out in these 6 events: no sign-in from a new place, no change of rights, no logging stopped.',
    ]);
    expect(story.routine.map(sentenceText)[0]).toBe(
      "6 of the 6 events were alice's usual work: the same calls from the same places on several days.",
    );
    expect(story.nextSteps).toEqual([]);
  });

  it('does not tell a change the identity makes routinely from its usual address', () => {
    const days = Array.from({ length: 5 }, (_, day) => createKey(`2026-11-0${day + 1}T09:00:00Z`, `AKIAROUTINE00000000${day}`));
    const story = buildStory(
      eventsOf(
        [...days, createKey('2026-11-07T03:00:00Z', 'AKIAODDHOUR000000001')].map((r, i) =>
          i === 5 ? { ...r, sourceIPAddress: '198.51.100.9' } : r,
        ),
      ),
      { flag: noFlags },
    );
    expect(story.happened.map(sentenceText).join(' ')).not.toContain('AKIAROUTINE');
    expect(story.happened.map(sentenceText)[0]).toContain('AKIAODDHOUR000000001');
  });

  it("does not tell what the analysis's baseline judged routine", () => {
    const records = [createKey('2026-11-30T10:00:00Z', 'AKIABASELINE00000001'), createKey('2026-11-30T12:00:00Z', 'AKIANOTROUTINE000001')];
    const events = eventsOf(records);
    const story = buildStory(events, { flag: noFlags, analysis: { routineEventIds: [events[0]!.id] } });
    const text = story.happened.map(sentenceText).join(' ');
    expect(text).not.toContain('AKIABASELINE00000001');
    expect(text).toContain('AKIANOTROUTINE000001');
  });

  it('tells thousands of events in a few sentences', () => {
    const many = Array.from({ length: 4000 }, (_, i) =>
      recordOf({ ...at(new Date(Date.UTC(2026, 10, 1 + (i % 10), 8, i % 60)).toISOString()), eventName: i % 2 ? 'ListUsers' : 'GetUser' }),
    );
    const story = buildStory(eventsOf([...many, createKey('2026-11-12T10:00:00Z')]), { flag: noFlags });
    expect(story.happened.length).toBeLessThanOrEqual(3);
    expect(sentenceText(story.happened[0]!)).toContain('AKIANEWKEY0000000001');
    expect(sentenceText(story.routine[0]!)).toBe(
      "4000 of the 4001 events were alice's usual work: the same calls from the same places on several days.",
    );
  });

  it('keeps hostile text as inert values: invisible characters shown, nothing joined into our words', () => {
    const records = hostileStrings.map((hostile, i) =>
      recordOf({
        ...at(`2026-11-02T10:0${i % 10}:00Z`),
        eventName: 'GetSecretValue',
        eventSource: 'secretsmanager.amazonaws.com',
        requestParameters: { secretId: hostile },
      }),
    );
    const story = buildStory(eventsOf(records), { flag: noFlags });
    const parts = story.happened.flatMap((sentence) => sentence.parts);
    const values = parts.filter((part) => 'value' in part).map((part) => ('value' in part ? part.value : ''));
    const words = parts.filter((part) => 'text' in part).map((part) => ('text' in part ? part.text : ''));
    expect(values.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    for (const value of values) expect(value).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069\u200b]/);
    for (const text of words) for (const hostile of hostileStrings) if (hostile.length > 3) expect(text).not.toContain(hostile);
  });

  it('keeps sentence ids short enough for the saved draft, whatever the event ids and addresses', () => {
    const long = 'x'.repeat(5000);
    const story = buildStory(
      eventsOf(
        [recordOf({ eventID: long, sourceIPAddress: long, userAgent: long }), createKey('2026-11-30T10:00:00Z')].map((r, i) =>
          i ? { ...r, eventID: `${long}-${i}`, sourceIPAddress: long } : r,
        ),
      ),
      { flag: noFlags },
    );
    const ids = [...story.happened, ...story.unusual, ...story.routine, ...story.nextSteps].map((sentence) => sentence.id);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(300);
  });

  it('drops and rewords sentences by id, and keeps only well-formed edits', () => {
    const story = buildStory(
      eventsOf([
        createKey('2026-11-30T10:00:00Z'),
        recordOf({ ...at('2026-11-30T10:05:00Z'), eventName: 'CreateUser', readOnly: false, requestParameters: { userName: 'x' } }),
      ]),
      { flag: noFlags },
    );
    const [first] = story.happened;
    const step = story.nextSteps[0]!;
    const edited = applyStoryEdits(story, cleanEdits({ dropped: [step.id], rewritten: { [first!.id]: '  Alice made a key.  ' } }));
    expect(sentenceText(edited.happened[0]!)).toBe('Alice made a key.');
    expect(edited.nextSteps.map((s) => s.id)).not.toContain(step.id);
    expect(cleanEdits({ dropped: [1 as unknown as string, 'a'], rewritten: { a: '   ', b: 'x'.repeat(5000) } })).toEqual({
      dropped: ['a'],
      rewritten: { b: 'x'.repeat(2000) },
    });
  });
});
