import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StoredDraft, ticketContract } from '../../../shared/api/ticket-contract';
import { createDraftStore } from '../../../main/services/drafts/draft-store';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'trailcase-story-edits-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const base = { summary: null, analystText: '', fetchId: 'f-1', eventIds: ['e-1'], projectKey: null, issueTypeId: null, fields: {} };

describe('story edits in the saved draft', () => {
  it('survive a save and a load, with the rest of the draft', async () => {
    const store = createDraftStore(join(work, 'data'));
    const draft = { ...base, storyEdits: { dropped: ['happened:e-1'], rewritten: { 'happened:e-2': 'In my words.' } } };
    await store.save('f-1', draft);
    expect((await store.load('f-1'))?.draft).toEqual(draft);
  });

  it('are optional, so a draft saved before the story loads as it was', async () => {
    const dir = join(work, 'old');
    const store = createDraftStore(dir);
    await store.save('f-2', base);
    await writeFile(join(dir, 'drafts', 'f-2.json'), JSON.stringify({ savedAt: '2026-11-01T10:00:00.000Z', draft: base }));
    expect((await store.load('f-2'))?.draft).toEqual(base);
  });

  it('refuse __proto__ as a sentence id and unknown fields, in the draft and in a submit', () => {
    const hostile = JSON.parse('{"dropped":[],"rewritten":{"__proto__":"x"}}') as unknown;
    expect(StoredDraft.safeParse({ ...base, storyEdits: hostile }).success).toBe(false);
    expect(StoredDraft.safeParse({ ...base, storyEdits: { dropped: [], rewritten: {}, extra: 1 } }).success).toBe(false);
    const submit = ticketContract.submitTicket.input;
    const input = {
      submissionId: 's-1',
      fetchId: 'f-1',
      eventIds: ['e-1'],
      summary: null,
      analystText: '',
      projectKey: 'SEC',
      issueTypeId: '10001',
      fields: {},
    };
    expect(submit.safeParse({ ...input, storyEdits: { dropped: ['happened:e-1'], rewritten: {} } }).success).toBe(true);
    expect(submit.safeParse({ ...input, storyEdits: hostile }).success).toBe(false);
  });
});
