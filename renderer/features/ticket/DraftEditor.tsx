import type { TicketDraft } from '../../../shared/ticket/draft';
import { checkNotes, checkSummary } from '../../../shared/ticket/form-checks';
import { FormField } from './FormField';
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
      <FormField label="Summary" error={checkSummary(summary) ?? props.errors?.summary ?? null}>
        {(control) => (
          <input
            {...control}
            value={summary}
            maxLength={1000}
            disabled={props.disabled}
            onChange={(event) => onChange({ summary: event.target.value })}
          />
        )}
      </FormField>
      {input.summary !== null && (
        <div>
          <button type="button" className="ghost" onClick={() => onChange({ summary: null })}>
            Use the generated summary
          </button>
        </div>
      )}
      <FormField
        label="Your notes"
        error={checkNotes(input.analystText) ?? (props.errors?.description ? `Description: ${props.errors.description}` : null)}
      >
        {(control) => (
          <textarea
            {...control}
            rows={6}
            value={input.analystText}
            disabled={props.disabled}
            placeholder="What you saw, what you did, what you need from the owner…"
            onChange={(event) => onChange({ analystText: event.target.value })}
          />
        )}
      </FormField>
      <div className={`ticket-save ticket-save-${props.save.kind}`} role="status">
        {saveText(props.save)}
      </div>
    </div>
  );
}
