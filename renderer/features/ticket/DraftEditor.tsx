import type { TicketDraft } from '../../../shared/ticket/draft';
import { maxSummaryLength } from '../../../shared/ticket/summary';
import type { DraftInput, SaveState } from './useDraftState';

function saveText(save: SaveState): string {
  switch (save.kind) {
    case 'loading':
      return 'Loading the saved draft…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return save.at ? `Saved ${new Date(save.at).toLocaleTimeString()}` : 'Not saved yet';
    case 'error':
      return `Not saved: ${save.message}`;
  }
}

/** The analyst's summary and notes; the rest of the draft is generated from the selection. */
export function DraftEditor(props: {
  draft: TicketDraft;
  input: DraftInput;
  onChange(change: Partial<DraftInput>): void;
  save: SaveState;
  disabled: boolean;
  /** Jira's errors on the summary and the description, by field id. */
  errors?: Partial<Record<'summary' | 'description', string>>;
}) {
  const { draft, input, onChange } = props;
  const summary = input.summary ?? draft.generatedSummary;
  return (
    <div className="ticket-editor">
      <label className="ticket-field">
        <span>Summary</span>
        <input
          value={summary}
          maxLength={1000}
          disabled={props.disabled}
          onChange={(event) => onChange({ summary: event.target.value })}
          aria-describedby="ticket-summary-help"
        />
      </label>
      {props.errors?.summary && <div className="ticket-field-error">{props.errors.summary}</div>}
      <div id="ticket-summary-help" className="ticket-help">
        {summary.length > maxSummaryLength ? `Jira keeps ${maxSummaryLength} characters; the rest is cut. ` : ''}
        {input.summary !== null && (
          <button type="button" className="ghost" onClick={() => onChange({ summary: null })}>
            Use the generated summary
          </button>
        )}
      </div>
      <label className="ticket-field">
        <span>Your notes</span>
        <textarea
          rows={6}
          value={input.analystText}
          disabled={props.disabled}
          placeholder="What you saw, what you did, what you need from the owner…"
          onChange={(event) => onChange({ analystText: event.target.value })}
        />
      </label>
      {props.errors?.description && <div className="ticket-field-error">Description: {props.errors.description}</div>}
      <div className={`ticket-save ticket-save-${props.save.kind}`} role="status">
        {saveText(props.save)}
      </div>
    </div>
  );
}
