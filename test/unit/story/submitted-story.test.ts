import { describe, expect, it } from 'vitest';

import type { CreateMetaField } from '../../../main/services/jira/jira-client';
import { prepareSubmission } from '../../../main/services/jira/prepare-submission';
import type { StoryEdits } from '../../../shared/story/types';
import { checkAdf } from '../../../shared/ticket/render-adf';
import { attacker } from '../../../main/services/demo/demo-identities';
import { demoAnalysis, jmoralesEvents } from './demo-fixture';

const createMeta: CreateMetaField[] = [
  { fieldId: 'summary', name: 'Summary', required: true },
  { fieldId: 'description', name: 'Description', required: false },
  { fieldId: 'labels', name: 'Labels', required: false, schema: { type: 'array', items: 'string', system: 'labels' } },
];
const events = jmoralesEvents();
const analysis = demoAnalysis(events);
const prepare = (story: StoryEdits | null) =>
  prepareSubmission({
    submissionId: 'sub-1',
    events,
    analysis,
    analyst: { story },
    projectKey: 'SEC',
    issueTypeId: '10001',
    formValues: {},
    createMeta,
  });

describe('the story in the ticket the host sends', () => {
  it('opens the description, and the title is the summary', () => {
    const { request, draft } = prepare(null);
    const description = request.fields.description as { content: Array<{ type: string; content?: Array<{ text?: string }> }> };
    expect(checkAdf(description)).toEqual([]);
    expect(description.content[0]).toMatchObject({ type: 'heading', content: [{ text: 'What happened' }] });
    expect(request.fields.summary).toBe(draft.story!.title);
  });

  it('leaves out the dropped sentences and tells reworded ones as the analyst wrote them', () => {
    const story = prepare(null).draft.generatedStory!;
    const opening = story.happened[0]!.id;
    const keySentence = story.happened.find((sentence) =>
      sentence.parts.some((part) => 'value' in part && part.value === attacker.newAccessKeyId),
    )!;
    const keyStep = story.nextSteps.find((step) => step.id.startsWith('step:createKey'))!;
    const { request } = prepare({
      dropped: [keySentence.id, keyStep.id],
      rewritten: { [opening]: 'The console was opened as jmorales from Tor.' },
    });
    const paragraph = JSON.stringify((request.fields.description as { content: unknown[] }).content[1]);
    expect(paragraph).toContain('The console was opened as jmorales from Tor.');
    expect(paragraph).not.toContain(attacker.newAccessKeyId);
    expect(JSON.stringify(request.fields.description)).not.toContain(`Deactivate and delete the new access key ${attacker.newAccessKeyId}`);
  });
});
