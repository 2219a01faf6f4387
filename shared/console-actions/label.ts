import type { NormalizedEvent } from '../records/types';
import type { LabelPart } from './action';
import { eventKey, valueAt } from './event-key';
import type { LabelTemplatePart } from './signature';

/** Longest value shown in a label: the event detail still has the whole text. */
const MAX_VALUE = 160;

function shorten(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function piece(text: string, tail: boolean | number | undefined): string {
  if (tail === undefined || tail === false) return text;
  const pieces = text.split('/');
  const chosen = tail === true ? pieces[pieces.length - 1] : pieces[tail];
  return chosen || text;
}

/**
 * Fills a signature's label from the anchor, then the other events of the action. `keys` holds
 * the events' keys when the caller has them already.
 */
export function buildLabel(
  template: readonly LabelTemplatePart[],
  anchor: NormalizedEvent,
  events: readonly NormalizedEvent[],
  keys: readonly string[] = events.map(eventKey),
): LabelPart[] {
  const anchorKey = eventKey(anchor);
  return template.map((part): LabelPart => {
    if (typeof part === 'string') return { kind: 'text', text: part };
    if ('region' in part) return { kind: 'value', text: anchor.region || 'an unknown region' };
    for (let i = -1; i < events.length; i++) {
      const event = i < 0 ? anchor : events[i]!;
      if (part.from !== '*' && (i < 0 ? anchorKey : keys[i]) !== part.from) continue;
      for (const path of part.paths) {
        const value = valueAt(event.record, path);
        if (value) return { kind: 'value', text: shorten(piece(value, part.tail)) };
      }
    }
    return { kind: 'text', text: part.fallback };
  });
}
