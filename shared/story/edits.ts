import type { Story, StoryEdits, StorySentence } from './types';

/** The longest rewording kept for one sentence. */
export const maxRewordLength = 2000;

/** Cleans edits from a stored draft: known shapes only, bounded. */
export function cleanEdits(edits: Partial<StoryEdits> | null | undefined): StoryEdits {
  const dropped = Array.isArray(edits?.dropped) ? edits.dropped.filter((id): id is string => typeof id === 'string') : [];
  const rewritten: Record<string, string> = {};
  for (const [id, text] of Object.entries(edits?.rewritten ?? {}))
    if (typeof text === 'string' && text.trim()) rewritten[id] = text.trim().slice(0, maxRewordLength);
  return { dropped, rewritten };
}

function apply(sentences: readonly StorySentence[], edits: StoryEdits): StorySentence[] {
  const dropped = new Set(edits.dropped);
  return sentences
    .filter((sentence) => !dropped.has(sentence.id))
    .map((sentence) => (Object.hasOwn(edits.rewritten, sentence.id) ? { ...sentence, rewritten: edits.rewritten[sentence.id] } : sentence));
}

/** The story as it goes out: dropped sentences left out, reworded ones in the analyst's words. */
export function applyStoryEdits(story: Story, edits: StoryEdits): Story {
  return {
    ...story,
    happened: apply(story.happened, edits),
    unusual: apply(story.unusual, edits),
    routine: apply(story.routine, edits),
    nextSteps: apply(story.nextSteps, edits),
  };
}

/** Every sentence of the story with the section it belongs to, for the editor. */
export function storySentences(story: Story): Array<{ section: string; sentence: StorySentence }> {
  return [
    ...story.happened.map((sentence) => ({ section: 'What happened', sentence })),
    ...story.unusual.map((sentence) => ({ section: 'What is unusual', sentence })),
    ...story.routine.map((sentence) => ({ section: 'What is routine', sentence })),
    ...story.nextSteps.map((sentence) => ({ section: 'Next steps', sentence })),
  ];
}
