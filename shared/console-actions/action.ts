/**
 * What the person did, read from a burst of console calls. Label values come from the records:
 * they are untrusted text, kept apart from the fixed words so that no view ever joins them into
 * markup.
 */
export interface LabelPart {
  kind: 'text' | 'value';
  text: string;
}

export interface ConsoleAction {
  /** `action:` + the anchor's event id: unique, since an event joins at most one action. */
  id: string;
  signatureId: string;
  label: LabelPart[];
  /** Milliseconds since the epoch of the first and last grouped event. */
  start: number;
  end: number;
  /** The grouped events' ids, in time order. */
  eventIds: string[];
  region: string;
  actor: string;
  anchorEventId: string;
}

/** The label as one line of plain text (for sentences, search and accessible names). */
export function labelText(action: Pick<ConsoleAction, 'label'>): string {
  return action.label.map((part) => part.text).join('');
}
