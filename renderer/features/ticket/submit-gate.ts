import type { JiraFieldSpec } from '../../../shared/api/ticket-contract';
import { checkNotes, issueFormProblems } from '../../../shared/ticket/form-checks';
import type { DraftInput } from './useDraftState';

/** What holds the submit back, the issue form's problems, and Jira's errors no field shows. */
export interface SubmitGate {
  /** Why Submit is disabled, in words, or null. */
  blocked: string | null;
  /** True when every field is filled in as Jira needs it. */
  complete: boolean;
  problems: Record<string, string>;
  unplacedErrors: Array<[string, string]>;
}

/** Decides whether the drawer may submit, from what is selected, connected and filled in. */
export function submitGate(state: {
  eventCount: number;
  fetchId: string | null;
  connected: boolean;
  submitTried: boolean;
  input: DraftInput;
  /** The issue type's fields the form shows, or null until they are read. */
  shownFields: JiraFieldSpec[] | null;
  /** Jira's errors by field id from the last submit. */
  fieldErrors: Record<string, string>;
}): SubmitGate {
  const problems = issueFormProblems(state.input, state.shownFields);
  // The notes say their own problem under them; here it only holds the submit back.
  const complete = Object.keys(problems).length === 0 && checkNotes(state.input.analystText) === null;
  const blocked =
    state.eventCount === 0
      ? 'Select events in the table first.'
      : state.fetchId === null
        ? 'Submitting needs the events of a fetched investigation.'
        : !state.connected
          ? 'Connect to Jira first.'
          : state.submitTried && !complete
            ? 'Fix the marked fields first.'
            : null;
  // Errors on fields this drawer does not show (Jira may refuse any field it was sent) are
  // named in the submit banner, so none is left unsaid.
  const placed = new Set(['summary', 'description', 'project', 'issuetype', ...(state.shownFields ?? []).map((spec) => spec.fieldId)]);
  const unplacedErrors = Object.entries(state.fieldErrors).filter(([fieldId]) => !placed.has(fieldId));
  return { blocked, complete, problems, unplacedErrors };
}
