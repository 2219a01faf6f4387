import { storySentences } from '../../../shared/story/edits';
import { sentenceText } from '../../../shared/story/types';
import type { Story, StoryEdits } from '../../../shared/story/types';
import './StoryEditor.css';

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => id !== key));
}

/**
 * Each sentence of the draft's story, to drop or reword before it goes out. The edits are part of
 * the saved draft (they survive a crash) and the host applies them when it builds the ticket.
 */
export function StoryEditor(props: { story: Story; edits: StoryEdits; onChange(edits: StoryEdits): void; disabled: boolean }) {
  const { story, edits, onChange } = props;
  const items = storySentences(story);
  if (items.length === 0) return null;
  const dropped = new Set(edits.dropped);
  const kept = items.filter(({ sentence }) => !dropped.has(sentence.id)).length;

  const toggle = (id: string) =>
    onChange({ ...edits, dropped: dropped.has(id) ? edits.dropped.filter((other) => other !== id) : [...edits.dropped, id] });
  const reword = (id: string, generated: string, text: string) =>
    onChange({ ...edits, rewritten: text === generated ? without(edits.rewritten, id) : { ...edits.rewritten, [id]: text } });

  return (
    <details className="ticket-section story-editor" open>
      <summary>
        The story: {kept} of {items.length} sentences kept
      </summary>
      <p className="ticket-help">Drop or reword any sentence before it goes out. Your changes are saved with the draft.</p>
      <ol className="story-sentences">
        {items.map(({ section, sentence }, index) => {
          const generated = sentenceText(sentence);
          const isDropped = dropped.has(sentence.id);
          const reworded = Object.hasOwn(edits.rewritten, sentence.id);
          const previous = items[index - 1]?.section;
          return (
            <li key={sentence.id} className={isDropped ? 'story-sentence story-sentence-dropped' : 'story-sentence'}>
              {section !== previous && <div className="story-section-name">{section}</div>}
              <div className="story-sentence-row">
                <textarea
                  aria-label={`${section}, sentence ${index + 1}`}
                  rows={Math.min(6, Math.max(2, Math.ceil((reworded ? edits.rewritten[sentence.id]! : generated).length / 48)))}
                  value={reworded ? edits.rewritten[sentence.id] : generated}
                  disabled={props.disabled || isDropped}
                  onChange={(event) => reword(sentence.id, generated, event.target.value)}
                />
                <button
                  type="button"
                  className="ghost"
                  aria-pressed={isDropped}
                  aria-label={`${isDropped ? 'Keep' : 'Drop'} ${section.toLowerCase()} sentence ${index + 1}`}
                  disabled={props.disabled}
                  onClick={() => toggle(sentence.id)}
                >
                  {isDropped ? 'keep' : 'drop'}
                </button>
              </div>
              {reworded && !isDropped && (
                <button
                  type="button"
                  className="ghost story-reset"
                  disabled={props.disabled}
                  onClick={() => reword(sentence.id, generated, generated)}
                >
                  Use the generated sentence
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
