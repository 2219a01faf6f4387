import { data, label, nonEmpty, words } from '../ticket/blocks';
import type { Block, Span } from '../ticket/blocks';
import type { Story, StorySentence } from './types';

/** A sentence as spans: our words as prose, values as data, the analyst's rewording as prose. */
export function sentenceSpans(sentence: StorySentence): Span[] {
  if (sentence.rewritten !== undefined) return nonEmpty([{ kind: 'prose', text: sentence.rewritten }]);
  return nonEmpty(sentence.parts.map((part) => ('value' in part ? data(part.value) : words(part.text))));
}

/** "What happened" as one paragraph, then what was unusual and routine, and the resources touched. */
export function storyBlocks(story: Story): Block[] {
  const blocks: Block[] = [];
  if (story.happened.length) {
    const spans = story.happened.flatMap((sentence, index) => [...(index ? [words(' ')] : []), ...sentenceSpans(sentence)]);
    blocks.push({ type: 'heading', text: 'What happened' }, { type: 'paragraph', spans });
  }
  if (story.unusual.length)
    blocks.push({ type: 'heading', text: 'What is unusual' }, { type: 'bullets', items: story.unusual.map(sentenceSpans) });
  if (story.routine.length)
    blocks.push({ type: 'heading', text: 'What is routine' }, { type: 'bullets', items: story.routine.map(sentenceSpans) });
  if (story.resources.length)
    blocks.push(
      { type: 'heading', text: 'Resources touched' },
      {
        type: 'bullets',
        items: story.resources.map((entry) =>
          nonEmpty([label(`${entry.kind}: `), ...entry.values.flatMap((name, i) => [...(i ? [words(', ')] : []), data(name)])]),
        ),
      },
    );
  return blocks;
}
